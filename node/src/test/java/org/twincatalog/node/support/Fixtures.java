package org.twincatalog.node.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** Test records read from files under {@code fixtures/}, with fresh ids so tests never collide. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A fixture file as a mutable JSON object. */
    public static ObjectNode read(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a new organization through the API (as its publisher) and answers its id. */
    public static String newOrganization() {
        return newOrganization(read("organization.json"));
    }

    /** Registers {@code org} under a new unique id (as its publisher) and answers that id. */
    public static String newOrganization(ObjectNode org) {
        String id = uniqueId("org");
        org.put("id", id);
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return id;
    }

    /** A dataset fixture published by the given organization. */
    public static ObjectNode dataset(String fixture, String publisher) {
        ObjectNode dataset = read(fixture);
        dataset.put("publisher", publisher);
        return dataset;
    }

    /** Registers a dataset as a publisher of {@code publisher} and answers its id. */
    public static String newDataset(String fixture, String publisher) {
        return newDataset(dataset(fixture, publisher));
    }

    /** Registers {@code dataset} as a publisher of its publisher and answers its id. */
    public static String newDataset(ObjectNode dataset) {
        return given().spec(LocalTokens.asPublisherOf(dataset.path("publisher").asText()))
                .contentType(ContentType.JSON)
                .body(dataset.toString())
                .post("/api/v1/datasets")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
