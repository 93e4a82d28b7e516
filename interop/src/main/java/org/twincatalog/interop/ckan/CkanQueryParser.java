package org.twincatalog.interop.ckan;

import java.util.ArrayList;
import java.util.List;
import org.twincatalog.interop.ckan.CkanQuery.Clause;
import org.twincatalog.interop.ckan.CkanQuery.Occur;

/**
 * A recursive-descent reader of Solr's standard query syntax, the subset CKAN clients send in
 * {@code q} and {@code fq}: {@code field:value}, quoted phrases, {@code field:(a OR b)},
 * {@code AND}/{@code &&}, {@code OR}/{@code ||}, {@code NOT}/{@code !}/{@code -}/{@code +},
 * parentheses, wildcards, ranges ({@code [a TO b]}, {@code {a TO b}}, {@code *} open), boosts
 * and fuzziness (read and ignored). Clauses combine as Lucene's classic parser combines them with
 * {@code q.op=AND} (CKAN's default operator): juxtaposed clauses are all required, and
 * {@code a OR b} makes both optional. Input it cannot read is a CKAN Search Error; depth, clause
 * count and length are bounded so that no query can exhaust the node.
 */
final class CkanQueryParser {
    static final int MAX_LENGTH = 4000;
    static final int MAX_DEPTH = 20;
    static final int MAX_CLAUSES = 1024;
    /** The field bare terms search: CKAN's catch-all {@code text}. */
    static final String DEFAULT_FIELD = "text";

    private static final String TERM_END = "()[]{}\":^~";

    private final String in;
    private final String param;
    private int pos;
    private int terms;

    private CkanQueryParser(String in, String param) {
        this.in = in;
        this.param = param;
    }

    /** The query {@code text} holds; {@code param} names it in errors. Blank text matches everything. */
    static CkanQuery parse(String text, String param) {
        if (text == null || text.isBlank()) {
            return new CkanQuery.All();
        }
        if (text.contains("{!")) {
            throw CkanError.search("Local parameters are not supported in param '" + param + "'.");
        }
        if (text.length() > MAX_LENGTH) {
            throw CkanError.search(param + " is longer than " + MAX_LENGTH + " characters");
        }
        CkanQueryParser parser = new CkanQueryParser(text, param);
        CkanQuery query = parser.query(DEFAULT_FIELD, 0);
        if (!parser.end()) {
            throw parser.error("unbalanced ')'");
        }
        return query;
    }

    private CkanQuery query(String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("parentheses nested deeper than " + MAX_DEPTH + " levels");
        }
        List<Clause> clauses = new ArrayList<>();
        while (true) {
            skipSpace();
            if (end() || peek() == ')') {
                break;
            }
            Conj conj = conjunction();
            if (conj != Conj.NONE && clauses.isEmpty()) {
                throw error("a query cannot start with AND or OR");
            }
            Mod mod = modifier();
            skipSpace();
            if (end() || peek() == ')') {
                throw error("an operator has no clause after it");
            }
            add(clauses, conj, mod, clause(field, depth));
        }
        if (clauses.isEmpty()) {
            throw error("empty parentheses");
        }
        if (clauses.size() == 1 && clauses.get(0).occur() != Occur.MUST_NOT) {
            return clauses.get(0).query();
        }
        return new CkanQuery.Bool(clauses);
    }

    /** Lucene's {@code addClause} with the AND default operator. */
    private static void add(List<Clause> clauses, Conj conj, Mod mod, CkanQuery query) {
        if (!clauses.isEmpty() && conj != Conj.NONE) {
            Clause last = clauses.get(clauses.size() - 1);
            if (last.occur() != Occur.MUST_NOT) {
                clauses.set(clauses.size() - 1, new Clause(conj == Conj.AND ? Occur.MUST : Occur.SHOULD, last.query()));
            }
        }
        boolean prohibited = mod == Mod.NOT;
        boolean required = !prohibited && conj != Conj.OR;
        clauses.add(new Clause(required ? Occur.MUST : prohibited ? Occur.MUST_NOT : Occur.SHOULD, query));
    }

    private CkanQuery clause(String field, int depth) {
        char c = peek();
        if (c == '(') {
            return group(field, depth);
        }
        if (c == '[' || c == '{') {
            return range(field);
        }
        if (c == '"') {
            return phrase(field);
        }
        Token token = token();
        if (!end() && peek() == ':') {
            pos++;
            String name = token.text;
            if (end() || Character.isWhitespace(peek())) {
                throw error("field '" + name + "' has no value");
            }
            if (name.equals("*")) {
                Token value = token();
                if (!value.text.equals("*")) {
                    throw error("'*:' must be followed by '*'");
                }
                return counted(new CkanQuery.All());
            }
            if (token.wildcard) {
                throw error("a field name cannot hold wildcards");
            }
            char v = peek();
            if (v == '(') {
                return group(name, depth);
            }
            if (v == '[' || v == '{') {
                return range(name);
            }
            if (v == '"') {
                return phrase(name);
            }
            return term(name, token());
        }
        return term(field, token);
    }

    private CkanQuery group(String field, int depth) {
        pos++;
        CkanQuery inner = query(field, depth + 1);
        if (end() || peek() != ')') {
            throw error("missing ')'");
        }
        pos++;
        suffixes();
        return inner;
    }

    private CkanQuery term(String field, Token token) {
        suffixes();
        return counted(new CkanQuery.Term(field, token.text, false, token.wildcard));
    }

    private CkanQuery phrase(String field) {
        pos++;
        StringBuilder text = new StringBuilder();
        while (!end() && peek() != '"') {
            char c = in.charAt(pos++);
            if (c == '\\') {
                if (end()) {
                    throw error("an escape '\\' ends the query");
                }
                c = in.charAt(pos++);
            }
            text.append(c);
        }
        if (end()) {
            throw error("unterminated quote");
        }
        pos++;
        suffixes();
        return counted(new CkanQuery.Term(field, text.toString(), true, false));
    }

    private CkanQuery range(String field) {
        boolean includeLower = in.charAt(pos++) == '[';
        skipSpace();
        String lower = rangeValue();
        skipSpace();
        if (!keyword("TO")) {
            throw error("a range needs 'TO' between its bounds");
        }
        skipSpace();
        String upper = rangeValue();
        skipSpace();
        if (end() || (peek() != ']' && peek() != '}')) {
            throw error("a range must end with ']' or '}'");
        }
        boolean includeUpper = in.charAt(pos++) == ']';
        suffixes();
        return counted(new CkanQuery.Range(field, lower, upper, includeLower, includeUpper));
    }

    /** A range bound: quoted, or up to the next space or closing bracket; {@code *} is open (null). */
    private String rangeValue() {
        if (!end() && peek() == '"') {
            int from = ++pos;
            while (!end() && peek() != '"') {
                pos++;
            }
            if (end()) {
                throw error("unterminated quote");
            }
            return in.substring(from, pos++);
        }
        int from = pos;
        while (!end() && !Character.isWhitespace(peek()) && peek() != ']' && peek() != '}') {
            pos++;
        }
        if (from == pos) {
            throw error("a range bound is missing");
        }
        String value = in.substring(from, pos);
        return value.equals("*") ? null : value;
    }

    /** A bare word: escapes resolved, wildcards kept (escaped {@code \*} and {@code \?} stay escaped). */
    private Token token() {
        StringBuilder text = new StringBuilder();
        boolean wildcard = false;
        while (!end()) {
            char c = peek();
            if (Character.isWhitespace(c) || TERM_END.indexOf(c) >= 0) {
                break;
            }
            pos++;
            if (c == '\\') {
                if (end()) {
                    throw error("an escape '\\' ends the query");
                }
                char escaped = in.charAt(pos++);
                if (escaped == '*' || escaped == '?' || escaped == '\\') {
                    text.append('\\');
                }
                text.append(escaped);
            } else {
                wildcard |= c == '*' || c == '?';
                text.append(c);
            }
        }
        if (text.isEmpty()) {
            throw error(end() ? "the query ends too early" : "unexpected '" + peek() + "'");
        }
        String value = text.toString();
        return new Token(
                wildcard ? value : value.replace("\\*", "*").replace("\\?", "?").replace("\\\\", "\\"), wildcard);
    }

    /** Boosts ({@code ^2}) and fuzziness or proximity ({@code ~}, {@code ~2}): read and ignored. */
    private void suffixes() {
        while (!end() && (peek() == '^' || peek() == '~')) {
            boolean boost = in.charAt(pos++) == '^';
            int from = pos;
            while (!end() && (Character.isDigit(peek()) || peek() == '.')) {
                pos++;
            }
            if (boost && from == pos) {
                throw error("'^' needs a number");
            }
        }
    }

    private CkanQuery counted(CkanQuery query) {
        if (++terms > MAX_CLAUSES) {
            throw error("more than " + MAX_CLAUSES + " clauses");
        }
        return query;
    }

    private Conj conjunction() {
        if (keyword("AND") || symbol("&&")) {
            return Conj.AND;
        }
        if (keyword("OR") || symbol("||")) {
            return Conj.OR;
        }
        return Conj.NONE;
    }

    private Mod modifier() {
        if (!end() && peek() == '+') {
            pos++;
            return Mod.REQUIRED;
        }
        if (!end() && (peek() == '-' || peek() == '!')) {
            pos++;
            return Mod.NOT;
        }
        return keyword("NOT") ? Mod.NOT : Mod.NONE;
    }

    /** An operator word: exactly {@code word}, followed by a space, a parenthesis, a quote or the end. */
    private boolean keyword(String word) {
        if (!in.startsWith(word, pos)) {
            return false;
        }
        int after = pos + word.length();
        if (after < in.length()) {
            char c = in.charAt(after);
            if (!Character.isWhitespace(c) && c != '(' && c != '"') {
                return false;
            }
        }
        pos = after;
        skipSpace();
        return true;
    }

    private boolean symbol(String symbol) {
        if (!in.startsWith(symbol, pos)) {
            return false;
        }
        pos += symbol.length();
        skipSpace();
        return true;
    }

    private void skipSpace() {
        while (!end() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean end() {
        return pos >= in.length();
    }

    private char peek() {
        return in.charAt(pos);
    }

    private CkanError error(String reason) {
        String shown = in.length() > 200 ? in.substring(0, 200) + "..." : in;
        return CkanError.search(
                "Cannot parse " + param + " '" + shown + "': " + reason + " (at character " + pos + ")");
    }

    private record Token(String text, boolean wildcard) {}

    private enum Conj {
        NONE,
        AND,
        OR
    }

    private enum Mod {
        NONE,
        REQUIRED,
        NOT
    }
}
