package org.twincatalog.node.demo;

import java.net.URI;
import java.util.Map;
import org.twincatalog.api.v1.model.AccessRights;

/**
 * One hosted PLATEAU package of a demo set (an entry of its {@code packages.json}): the package
 * folder whose zip the build puts at {@code demo/plateau/<package>.zip}, and what its publisher
 * says about it when registering it.
 *
 * @param packageName the PLATEAU package folder under {@code testdata/plateau}
 * @param id the dataset id, in the publisher's namespace
 * @param publisher the owning organization (Japanese: PLATEAU data is Japanese)
 * @param accessRights who may see the record
 * @param license the data's licence
 * @param description by language, put over the description drawn from the content
 */
public record DemoPackage(
        String packageName,
        String id,
        String publisher,
        AccessRights accessRights,
        URI license,
        Map<String, String> description) {}
