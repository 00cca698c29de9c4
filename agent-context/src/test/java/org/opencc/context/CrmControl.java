package org.opencc.context;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the test's demo CRM slow or broken through its {@code PUT /control}. */
final class CrmControl {
    private CrmControl() {}

    static void latency(long millis) {
        put("{\"latency_ms\":" + millis + "}");
    }

    static void errorRate(double rate) {
        put("{\"error_rate\":" + rate + "}");
    }

    static void garbage() {
        put("{\"garbage\":true}");
    }

    static void reset() {
        put("{\"latency_ms\":0,\"error_rate\":0.0,\"garbage\":false}");
    }

    /** Requests the CRM received so far, of any kind (this one included). */
    static long requests() {
        return given().baseUri(url()).get("/control").then().statusCode(200)
                .extract().jsonPath().getLong("requests");
    }

    private static void put(String json) {
        given().baseUri(url()).contentType("application/json").body(json)
                .put("/control").then().statusCode(200);
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("cc.context.sources.demo-crm.url", String.class);
    }
}
