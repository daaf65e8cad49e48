package io.nqpf.advisor.config;

import io.nqpf.advisor.knowledge.CitationCheck;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every setting of the service under {@code advisor.}, each with its default; the property names (and the
 * environment variables derived from them, e.g. {@code ADVISOR_RULES_DIR}) are documented in the README.
 */
@ConfigMapping(prefix = "advisor")
public interface AdvisorConfig {

    /** Where the rules, catalog and thresholds live. */
    @WithDefault("rules")
    String rulesDir();

    /** The source texts every citation is checked against. */
    @WithDefault(CitationCheck.DEFAULT_TEXTS_DIR)
    String sourcesDir();

    /** The example profiles the web console offers as starting points (GET /api/v1/examples); absent means none. */
    @WithDefault("examples")
    String examplesDir();

    /** Password of user admin; absent (or empty) means nobody may validate or reload rules. */
    Optional<String> adminPassword();

    /** Password of user planner, who saves and reads assessments; absent (or empty) means there is no planner. */
    Optional<String> plannerPassword();

    /**
     * Where the service keeps state (env ADVISOR_DATA_DIR): the embedded database of assessments, and every ruleset
     * that became active, under {@code rulesets/}; absolute, or starting with ./ (relative to the working directory).
     */
    @WithDefault("./data")
    String dataDir();

    DecisionLog decisionLog();

    Store store();

    Admin admin();

    Rules rules();

    Http http();

    Limits limits();

    interface Admin {

        Login login();

        interface Login {

            /** Failed logins from one address before it must wait. */
            @WithDefault("5")
            int freeFailures();

            /** The longest wait between attempts of a throttled address. */
            @WithDefault("PT5M")
            Duration maxWait();

            /** Address and account pairs with failed logins remembered at most. */
            @WithDefault("10000")
            int maxTracked();

            /**
             * Failed logins the whole service checks per minute, whoever sends them; beyond it, a pair that has failed
             * before waits (a pair with no failure of its own is always checked).
             */
            @WithDefault("60")
            int globalFailuresPerMinute();

            /** Lines about refused logins written per minute at most; the rest are counted in a summary line. */
            @WithDefault("12")
            int logLinesPerMinute();
        }
    }

    interface Rules {

        /** A ruleset build (compile and scenario run) that spends more CPU time than this on its thread is stopped. */
        @WithDefault("PT20S")
        Duration buildCpuLimit();

        /**
         * A ruleset build still running this long after it started is stopped, however little CPU time it had: the
         * backstop for a busy machine and for builds that block. Keep it below the idle timeout.
         */
        @WithDefault("PT90S")
        Duration buildTimeLimit();

        /** A scenario evaluation that spends more CPU time than this refuses the ruleset being built. */
        @WithDefault("PT10S")
        Duration evaluationTimeLimit();

        /** Reload automatically when files in the rules directory change. */
        @WithDefault("false")
        boolean watch();

        /** How often the watcher looks at the rules directory. */
        @WithDefault("PT1S")
        Duration watchInterval();
    }

    interface Http {

        /** A request body must arrive within this of its headers. */
        @WithDefault("PT30S")
        Duration requestTimeout();

        /** An answer the client has stopped reading for this long is cut and its connection closed. */
        @WithDefault("PT10S")
        Duration writeTimeout();

        /**
         * Addresses (or CIDR ranges) of reverse proxies whose {@code X-Forwarded-For} is believed; the client is the
         * rightmost address not in this list. Empty: the peer of the connection is the client.
         */
        Optional<List<String>> trustedProxies();

        /** HTTP/2 over cleartext (h2c upgrade and prior knowledge); off unless asked for. */
        @WithDefault("false")
        boolean h2c();

        /**
         * Answers whose length is known and below this many bytes are sent uncompressed even to clients that accept
         * gzip: they fit one packet either way, and compressing them costs CPU for nothing (docs/performance.md).
         */
        @WithDefault("1024")
        int compressionThreshold();
    }

    interface Limits {

        /** Largest body for one profile. */
        @WithDefault("262144")
        long profileBytes();

        /** Largest body for a batch. */
        @WithDefault("16777216")
        long batchBytes();

        /** Largest body of draft rule files to validate. */
        @WithDefault("2097152")
        long validateBytes();

        /** Most profiles in one batch. */
        @WithDefault("1000")
        int batchProfiles();

        /**
         * Memory that the bodies of all requests in flight may hold together, in bytes; beyond it a request is
         * answered 503 with Retry-After. Absent: a quarter of the largest heap.
         */
        OptionalLong inFlightBytes();

        /** API requests in flight at once, from all clients; beyond it 503 with Retry-After. */
        @WithDefault("64")
        int inFlightRequests();

        /** API requests in flight at once from one client address; beyond it 429 with Retry-After. */
        @WithDefault("8")
        int requestsPerClient();

        /** Largest uploaded sheet (XLSX or CSV), as sent; it is copied to a temporary file, never held in memory. */
        @WithDefault("16777216")
        long sheetBytes();

        /** Most rows of regions in one uploaded sheet: more than a JSON batch, since a sheet is read row by row. */
        @WithDefault("5000")
        int sheetRows();

        /** Most bytes one part of an uploaded workbook may expand to (a zip bomb stops at this or at 100:1). */
        @WithDefault("268435456")
        long sheetExpandedBytes();

        /** Most characters of an uploaded workbook's shared text table, the one part held in memory while reading. */
        @WithDefault("8000000")
        long sheetStringChars();

        /** Most parts (zip entries) of an uploaded workbook. */
        @WithDefault("1000")
        int sheetEntries();
    }

    interface DecisionLog {

        /** off, summary (decision id, time, ruleset, input hash, the answer in short) or full (also input and report). */
        @WithDefault("off")
        String mode();

        /** Evaluations waiting to be written at most; beyond, they are not logged (and counted). */
        @WithDefault("10000")
        int queue();
    }

    interface Store {

        /** How often the database of assessments is probed (readiness reports the last probe or use). */
        @WithDefault("5s")
        String probeInterval();
    }
}
