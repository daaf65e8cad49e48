package io.nqpf.advisor.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * REST Assured's log of a failed check, without pretty printing. Quarkus has REST Assured log the request and the
 * answer of every check that fails ({@code quarkus.test.rest-assured.enable-logging-on-failure}); REST Assured writes
 * that log for every request, whether a check then fails or not, and pretty prints each JSON body to write it: 8 s
 * of the test's time for a body of 5,000 nested brackets, and the whole answer of a batch of 1,000 full reports. The
 * log of a failure keeps every byte, on fewer lines. Registered in META-INF/services, so it runs before every test of
 * every {@code @QuarkusTest} class, after Quarkus has set REST Assured up for it.
 */
public class PlainFailureLog implements QuarkusTestBeforeTestExecutionCallback {

    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        RestAssured.config = RestAssured.config().logConfig(RestAssured.config().getLogConfig().enablePrettyPrinting(false));
    }
}
