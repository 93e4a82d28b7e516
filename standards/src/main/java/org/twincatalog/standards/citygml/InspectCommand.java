package org.twincatalog.standards.citygml;

import java.io.PrintStream;
import java.nio.file.Path;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;

/**
 * Command line: {@code java -cp <classpath> org.twincatalog.standards.citygml.InspectCommand <file|folder|zip>}
 * prints the {@link PackageInspection} as JSON on standard output.
 *
 * <p>Exit codes: 0 done, 2 usage, 3 refused as unsafe, 4 not CityGML / unreadable.
 */
public final class InspectCommand {
    private InspectCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code; kept apart from {@link #main} for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: InspectCommand <citygml-file | folder | package.zip>");
            return 2;
        }
        try {
            out.println(InspectionJson.write(new CityGmlInspector().inspect(Path.of(args[0]))));
            return 0;
        } catch (UnsafeInputException e) {
            err.println("refused (" + e.reason() + "): " + e.getMessage());
            return 3;
        } catch (InvalidInputException e) {
            err.println("not inspectable: " + e.getMessage());
            return 4;
        }
    }
}
