package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** POST /v1/recording-decisions under the bundled default policy: per jurisdiction, and the governing rule. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class RecordingDecisionTest {
    static final String NEW_YORK = "+12127363100";
    static final String SAN_FRANCISCO = "+14155552671";
    static final String LONDON = "+442079460958";
    static final String BERLIN = "+493012345678";
    static final String MUMBAI_MOBILE = "+919876543210";
    static final String US_TOLL_FREE = "+18002752273";
    static final String ENGLISH_ANNOUNCEMENT = "This call may be recorded for quality and training purposes. If you do not"
            + " agree to be recorded, please tell the agent or end the call.";

    @Test
    void aCallWithinAOnePartyStateIsRecordedWithoutAnnouncement() {
        decide(NEW_YORK, "+15182736000", "voice", "local").statusCode(201)
                .body("decision_id", matchesPattern("RD[0-9a-f]{32}"))
                .body("record", is(true)).body("consent_required", is("one-party"))
                .body("announcement", nullValue()).body("policy_version", is("defaults-2026.1"))
                .body("jurisdictions.party", contains("from", "to"))
                .body("jurisdictions.subdivision", contains("NY", "NY"))
                .body("jurisdictions[0].policies", contains("US"))
                .body("reasons", hasItem(startsWith("from: US-NY (area code 212)")));
    }

    @Test
    void aCallWithinCaliforniaNeedsEveryPartysConsentAndAnAnnouncement() {
        decide(SAN_FRANCISCO, "+13105550100", "voice", "local").statusCode(201)
                .body("record", is(true)).body("consent_required", is("all-party"))
                .body("announcement", is(ENGLISH_ANNOUNCEMENT))
                .body("jurisdictions[0].policies", contains("US", "US-CA"))
                .body("jurisdictions[0].consent", is("all-party"));
    }

    @Test
    void aUkCallIsOnePartyWithTheUkAnnouncement() {
        decide(LONDON, "+441614960000", "voice", "local").statusCode(201)
                .body("record", is(true)).body("consent_required", is("one-party"))
                .body("announcement", is(ENGLISH_ANNOUNCEMENT)).body("jurisdictions.country", contains("GB", "GB"));
    }

    @Test
    void aGermanCallIsAllPartyWithTheGermanAnnouncement() {
        decide(BERLIN, "+4989123456", "chat", "eu").statusCode(201)
                .body("record", is(true)).body("consent_required", is("all-party"))
                .body("announcement", startsWith("Dieses Gespräch kann"))
                .body("jurisdictions.country", contains("DE", "DE"));
    }

    @Test
    void anIndianCallIsOnePartyWithTheIndianAnnouncement() {
        decide(MUMBAI_MOBILE, "+911123456789", "whatsapp", "in").statusCode(201)
                .body("record", is(true)).body("consent_required", is("one-party"))
                .body("announcement", is(ENGLISH_ANNOUNCEMENT)).body("jurisdictions.country", contains("IN", "IN"));
    }

    @Test
    void theStrictestOfBothPartiesJurisdictionsGoverns() {
        // one-party caller, all-party called party: all-party, with the stricter state's announcement
        decide(NEW_YORK, SAN_FRANCISCO, "voice", "us").statusCode(201)
                .body("consent_required", is("all-party")).body("announcement", is(ENGLISH_ANNOUNCEMENT))
                .body("jurisdictions.consent", contains("one-party", "all-party"))
                .body("reasons", hasItem("governing rule: the strictest of both parties' jurisdictions:"
                        + " all-party (US-CA)"));
        // and the other way round
        decide(SAN_FRANCISCO, NEW_YORK, "voice", "us").statusCode(201).body("consent_required", is("all-party"));
        // one-party US caller to an all-party EU country: all-party, the German announcement
        decide(NEW_YORK, BERLIN, "voice", "local").statusCode(201)
                .body("consent_required", is("all-party")).body("announcement", startsWith("Dieses Gespräch"));
        // both one-party: one-party, the only announcement configured (the UK's)
        decide(NEW_YORK, LONDON, "sms", "local").statusCode(201)
                .body("consent_required", is("one-party")).body("announcement", is(ENGLISH_ANNOUNCEMENT));
    }

    @Test
    void aUsNumberOfUnknownStateGetsTheStrictestRuleOfTheUs() {
        decide(US_TOLL_FREE, NEW_YORK, "voice", "us").statusCode(201)
                .body("consent_required", is("all-party")).body("jurisdictions[0].subdivision", nullValue())
                .body("jurisdictions[0].consent", is("all-party"))
                .body("reasons", hasItem(containsString("subdivision unknown (area code 800)")));
    }

    @Test
    void aRegionThatMayNotHoldThePartiesDataDoesNotRecord() {
        decide(NEW_YORK, LONDON, "voice", "eu").statusCode(201)
                .body("record", is(false)).body("consent_required", is("none")).body("announcement", nullValue())
                .body("reasons", hasItem("region eu may not hold data of residency zone us"))
                .body("reasons", hasItem("region eu may not hold data of residency zone uk"));
    }

    @Test
    void aCountryThePolicyDoesNotCoverIsNotRecorded() {
        decide("+551123456789", NEW_YORK, "voice", "local").statusCode(201)
                .body("record", is(false)).body("consent_required", is("none"))
                .body("reasons", hasItem("from: the policy has no rules for BR"));
    }

    static ValidatableResponse decide(String from, String to, String channel, String region) {
        return given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", from, "to", to, "channel", channel, "region", region))
                .post("/v1/recording-decisions").then().contentType(startsWith("application/json"));
    }

    static String token(String role) {
        return JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role), null);
    }
}
