package io.nqpf.advisor.knowledge;

import java.util.List;

/**
 * Catalog entry of one stage of city industry (003, 城市产业进化的逻辑): its name as the report shows it, what the
 * stage means for the city's measures, and the passages it rests on. The id is the stage's name in
 * {@code CityIndustryStage.Phase}.
 */
public record CityStageEntry(String id, I18n title, I18n description, List<Citation> sources) {
}
