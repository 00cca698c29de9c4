package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskChannel;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** TaskChannels through the official SDK: create, fetch, update, list with paging, delete, and bad input. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TaskChannelSdkTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aTaskChannelIsCreatedFetchedUpdatedListedAndDeletedWithTheSdk() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", false);

        TaskChannel video = TaskChannel.creator(ws, "Video", "video").setChannelOptimizedRouting(true)
                .create(fixtures.client);
        assertTrue(video.getSid().startsWith("TC"));
        assertEquals(RouterFixtures.ACCOUNT_SID, video.getAccountSid());
        assertEquals(ws, video.getWorkspaceSid());
        assertEquals("Video", video.getFriendlyName());
        assertEquals("video", video.getUniqueName());
        assertTrue(video.getChannelOptimizedRouting());
        assertNotNull(video.getDateCreated());
        assertNotNull(video.getDateUpdated());
        assertTrue(video.getUrl().toString().endsWith("/v1/Workspaces/" + ws + "/TaskChannels/" + video.getSid()));
        assertTrue(video.getLinks().containsKey("workspace"));

        assertEquals(video.getSid(), TaskChannel.fetcher(ws, video.getSid()).fetch(fixtures.client).getSid());
        assertEquals(video.getSid(), TaskChannel.fetcher(ws, "video").fetch(fixtures.client).getSid(),
                "fetch by unique name");

        WorkerChannel aliceVideo = WorkerChannel.fetcher(ws, alice.getSid(), "video").fetch(fixtures.client);
        assertEquals(1, aliceVideo.getConfiguredCapacity(), "an existing worker gets the default capacity");
        assertEquals(video.getSid(), aliceVideo.getTaskChannelSid());

        TaskChannel renamed = TaskChannel.updater(ws, video.getSid()).setFriendlyName("Video calls")
                .setChannelOptimizedRouting(false).update(fixtures.client);
        assertEquals("Video calls", renamed.getFriendlyName());
        assertFalse(renamed.getChannelOptimizedRouting());
        assertEquals("video", renamed.getUniqueName());

        TaskChannel.creator(ws, "Email", "email").create(fixtures.client);
        TaskChannel.creator(ws, "Fax", "fax").create(fixtures.client);
        List<String> names = new ArrayList<>();
        TaskChannel.reader(ws).pageSize(2).read(fixtures.client).forEach(c -> names.add(c.getUniqueName()));
        assertEquals(Set.of("default", "voice", "chat", "sms", "whatsapp"), Set.copyOf(names.subList(0, 5)),
                "the workspace's channels, created together");
        assertEquals(List.of("video", "email", "fax"), names.subList(5, 8), "auto-paging over four pages of two");
        assertEquals(8, names.size());

        assertTrue(TaskChannel.deleter(ws, video.getSid()).delete(fixtures.client));
        ApiException gone = assertThrows(ApiException.class, () -> TaskChannel.fetcher(ws, video.getSid())
                .fetch(fixtures.client));
        assertEquals(404, gone.getStatusCode());
        assertThrows(ApiException.class, () -> WorkerChannel.fetcher(ws, alice.getSid(), "video")
                .fetch(fixtures.client), "the workers' capacity on it went too");
    }

    @Test
    void aTaskChannelInUseByATaskCannotBeDeleted() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        TaskChannel.creator(setup.workspaceSid(), "Video", "video").create(fixtures.client);
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"video\"}").setTaskChannel("video").create(fixtures.client);
        assertEquals("video", task.getTaskChannelUniqueName());

        ApiException refused = assertThrows(ApiException.class, () -> TaskChannel.deleter(setup.workspaceSid(),
                "video").delete(fixtures.client));
        assertEquals(400, refused.getStatusCode());
        assertEquals(20001, refused.getCode());
        assertNotNull(TaskChannel.fetcher(setup.workspaceSid(), "video").fetch(fixtures.client));

        Task.updater(setup.workspaceSid(), task.getSid()).setAssignmentStatus(Task.Status.CANCELED)
                .update(fixtures.client);
        assertTrue(TaskChannel.deleter(setup.workspaceSid(), "video").delete(fixtures.client),
                "a finished task no longer holds it");
    }

    @Test
    void badTaskChannelInputIsA400NamingTheParameterAndUnknownOrForeignSidsAre404() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup mine = fixtures.supportSetup();
        RouterFixtures.Setup other = fixtures.supportSetup();
        String path = "/v1/Workspaces/" + mine.workspaceSid() + "/TaskChannels";
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("FriendlyName", "No unique name").post(path)
                .then().statusCode(400).body("code", is(20001)).body("message", containsString("UniqueName"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("FriendlyName", "x".repeat(65)).formParam("UniqueName", "long").post(path)
                .then().statusCode(400).body("message", containsString("FriendlyName"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("FriendlyName", "Bad").formParam("UniqueName", "bad")
                .formParam("ChannelOptimizedRouting", "maybe").post(path)
                .then().statusCode(400).body("message", containsString("ChannelOptimizedRouting"));
        ApiException duplicate = assertThrows(ApiException.class, () -> TaskChannel.creator(mine.workspaceSid(),
                "SMS again", "sms").create(fixtures.client));
        assertEquals(409, duplicate.getStatusCode());

        assertEquals(404, assertThrows(ApiException.class, () -> TaskChannel.fetcher(mine.workspaceSid(),
                "TC00000000000000000000000000000000").fetch(fixtures.client)).getStatusCode());
        String foreign = TaskChannel.fetcher(other.workspaceSid(), "sms").fetch(fixtures.client).getSid();
        assertEquals(404, assertThrows(ApiException.class, () -> TaskChannel.fetcher(mine.workspaceSid(), foreign)
                .fetch(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> TaskChannel.deleter(mine.workspaceSid(), foreign)
                .delete(fixtures.client)).getStatusCode());
        assertNotNull(TaskChannel.fetcher(other.workspaceSid(), foreign).fetch(fixtures.client));
    }
}
