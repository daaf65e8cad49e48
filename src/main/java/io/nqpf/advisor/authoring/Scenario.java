package io.nqpf.advisor.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One scenario of {@code rules/tests/*.yaml}: a profile (inline, or a path to a JSON file) and what the rules must
 * make of it. Every expectation is optional.
 *
 * @param profile either an object (the profile itself) or a string (a JSON file, relative to the YAML file or to
 *                the working directory)
 */
public record Scenario(String name, String why, JsonNode profile, Expect expect) {

    /**
     * @param bottlenecks    ids that must be diagnosed
     * @param notBottlenecks ids that must not be
     * @param stage          the smart-specialization stage
     * @param top            how many ranks {@code inTop}/{@code notInTop} look at (default 5)
     * @param inTop          countermeasures that must rank within the top
     * @param notInTop       countermeasures that must not rank within the top (absent counts as not in it)
     * @param absent         countermeasures that must not be recommended at all
     * @param ranksBefore    pairs [a, b]: a must be recommended and rank above b (or b absent)
     * @param watchlist      bottleneck ids that must be on the watchlist
     * @param dataGaps       indicators that must be listed as data gaps
     * @param cityIndustryStage the stage of city industry (003): SCALE_EXPANSION, EFFICIENCY, ECOSYSTEM_INNOVATION
     *                       or UNDETERMINED
     * @param presumed       bottleneck ids that must be diagnosed as PRESUMED (resting on values not given)
     * @param certain        bottleneck ids that must be diagnosed as CERTAIN
     * @param stageDecidedBy indicators that an undetermined smart-specialization stage must name as deciding it
     * @param cityStageCertainty CERTAIN or PRESUMED: how sure the stage of city industry is
     * @param notInClearsWhen indicators that no bottleneck's clearsWhen may ask to change
     */
    public record Expect(List<String> bottlenecks, List<String> notBottlenecks, String stage, Integer top,
            List<String> inTop, List<String> notInTop, List<String> absent, List<List<String>> ranksBefore,
            List<String> watchlist, List<String> dataGaps, Integer maxBottlenecks, Integer minBottlenecks,
            List<String> leadingBottlenecks, Integer maxRecommendations, String cityIndustryStage,
            List<String> presumed, List<String> certain, List<String> stageDecidedBy, String cityStageCertainty,
            List<String> notInClearsWhen) {
    }

    /** A scenario file: a list of cases, each bound on its own so that one broken case does not hide the others. */
    public record File(List<JsonNode> cases) {
    }
}
