package org.twincatalog.catalog.web;

/**
 * Paths whose request bodies are uploads under a limit of their own (extension point): the JSON
 * body limit ({@code tc.api.max-body-bytes}, {@link BodySizeLimit}) does not apply to them. A
 * capability that takes uploads provides one as a CDI bean.
 */
public interface UploadPaths {

    /** Whether {@code path} (the request URI's path) takes an upload. */
    boolean isUpload(String path);
}
