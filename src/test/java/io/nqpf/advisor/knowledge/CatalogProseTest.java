package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.support.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Catalog prose matches the triggers: the sentences of a bottleneck's description that name its signals ("Signals
 * are …", "信号是…") name only indicators that its diagnosis rules read. A planner reads the description to know what to
 * look at; a signal named there but read by no rule sends them to the wrong figure.
 */
class CatalogProseTest {

    /** How descriptions name an indicator, in English and in Chinese. */
    private static final Map<String, Pattern[]> NAMES = new LinkedHashMap<>();

    private static void name(String indicator, String en, String zh) {
        NAMES.put(indicator, new Pattern[] {Pattern.compile(en, Pattern.CASE_INSENSITIVE), Pattern.compile(zh)});
    }

    static {
        name("economy.privateEconomySharePct", "private-economy share", "民营经济占比");
        name("economy.stateOwnedIndustrySharePct", "state-owned (industrial )?share", "国有工业占比");
        name("governance.businessEnvironmentScore", "business-environment score", "营商环境评分");
        name("governance.approvalDays", "approval times?", "审批耗时");
        name("innovation.techContractTurnoverPctGdp", "technology-contract turnover", "技术合同成交额");
        name("innovation.enterpriseRdSharePct", "enterprise share of R&D", "企业研发投入");
        name("talent.populationChangePct", "change in resident population|population outflow", "常住人口年变化率|人口持续外流");
        name("talent.tertiaryEducatedSharePct", "tertiary-educated", "高等教育人口");
        name("economy.strategicEmergingSharePct", "strategic-emerging", "战略性新兴产业");
        name("economy.highTechEnterprises", "high-tech enterprises", "高新技术企业");
        name("typology.resourceType", "resource-based city", "资源型城市");
        name("economy.resourceIndustrySharePct", "resource-industry share", "资源型产业占");
        name("economy.largestIndustrySharePct", "largest industry", "第一大行业");
        name("economy.energyIntensityTcePer10kYuan", "energy intensity", "能耗");
        name("economy.digitalEconomyCoreSharePct", "digital-economy core", "数字经济核心产业");
        name("innovation.rdIntensityPct", "R&D intensity", "研发投入强度");
        name("urbanFunction.idleIndustrialLandSharePct", "idle industrial land", "闲置(低效)?工业用地");
        name("publicServices.hospitalBedsPer1000", "hospital beds", "病床");
        name("publicServices.physiciansPer1000", "physicians", "医生数");
        name("urbanFunction.pm25", "PM2\\.5", "PM2\\.5");
        name("urbanFunction.greenCoveragePct", "green coverage", "绿化覆盖率");
        name("fiscal.fiscalSelfSufficiencyPct", "fiscal self-sufficiency", "财政自给率");
        name("fiscal.govDebtRatioPct", "debt ratio", "债务率");
        name("urbanFunction.oldHousingSharePct", "old housing", "老旧住房");
        name("typology.oldIndustrialBase", "old-industrial-base", "老工业基地");
        name("publicServices.telemedicineCoveragePct", "(?<!rural )telemedicine coverage", "(?<!农村)远程医疗覆盖率");
        name("publicServices.onlineEducationCoveragePct", "online-education", "在线教育");
        name("digital.govServicesOnlinePct", "government services available online", "网上可办率");
        name("talent.skilledWorkerSharePct", "skilled workers", "技能劳动者");
        name("talent.urbanizationRatePct", "urbanization rate", "城镇化率");
        name("economy.gdpPerCapitaYuan", "GDP per capita", "人均GDP");
        name("governance.inclusiveRegulation", "inclusive-prudent regulation", "包容审慎监管");
        name("digital.fiveGStationsPer10k", "5G base stations", "5G基站");
        name("digital.internetPenetrationUrbanPct", "urban internet penetration", "城镇互联网普及率");
        name("digital.cityDataPlatform", "data-sharing platform", "数据共享平台");
        name("urbanFunction.earlyWarningSystem", "early-warning system", "预警系统");
        name("talent.agedSharePct", "aged 65", "65岁及以上");
        name("typology.cityClusterMember", "city cluster", "城市群");
        name("sizeClass", "megacity|extra-large city", "超大|特大城市");
        name("economy.foreignTradePctGdp", "foreign trade", "外贸依存度");
        name("digital.internetPenetrationRuralPct", "rural internet penetration|rural penetration", "农村互联网普及率");
        name("digital.dataSecurityAuthority", "data-security authority", "数据安全监管机构");
        name("digital.dataIncidentsPer100k", "data-leak", "数据泄露");
        name("urbanRural.incomeRatio", "income ratio", "收入比");
        name("urbanRural.pensionIntegrated", "pension", "养老保险");
        name("economy.unemploymentRatePct", "unemployment", "失业率");
        name("economy.secondarySharePct", "secondary-sector share", "第二产业占比");
        name("economy.gdpGrowthPct", "growth below", "经济增速");
        name("publicServices.elderlyCareBedsPer1000Aged", "elderly-care beds", "养老床位");
        name("urbanRural.ruralTelemedicineCoveragePct", "rural telemedicine", "农村远程医疗");
        name("talent.ruralLaborLowEducationPct", "junior-high schooling", "初中及以下");
        name("economy.highTechManufacturingSharePct", "high-tech manufacturing", "高技术制造业");
        name("economy.specializedSmes", "little giant|specialized firms", "专精特新");
        name("urbanFunction.goodAirDaysPct", "good-air days", "优良天数");
        name("talent.registeredResidentGapPct", "registered \\(hukou\\)|without local hukou", "户籍人口");
    }

    private static final Pattern EN_SIGNAL = Pattern.compile("(?i)signals? (are|is|include)|shows as");
    private static final Pattern ZH_SIGNAL = Pattern.compile("信号|表现为");
    private static final Pattern NOT_A_SIGNAL = Pattern.compile("(?i)no signal|不是信号");

    @Test
    void aDescriptionNamesOnlySignalsItsRulesRead() {
        Ruleset rules = Rules.bundled();
        Catalog catalog = rules.catalog();
        List<String> problems = new ArrayList<>();
        for (BottleneckEntry b : catalog.bottlenecks().values()) {
            Set<String> read = new TreeSet<>();
            for (RuleInfo r : rules.rules()) {
                if (r.diagnoses() && r.ids().contains(b.id())) {
                    r.ids().stream().map(catalog.thresholds()::get).filter(java.util.Objects::nonNull)
                            .forEach(t -> read.add(t.indicator()));
                }
            }
            check(b.id(), "en", signalSentences(b.description().en(), "(?<=\\.) ", EN_SIGNAL), 0, read, problems);
            check(b.id(), "zh-CN", signalSentences(b.description().zh(), "(?<=。)", ZH_SIGNAL), 1, read, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theVocabularyFindsWhatItLooksFor() {
        List<String> none = new ArrayList<>();
        check("B-X", "en", List.of("Signals are low R&D intensity and few skilled workers."), 0,
                Set.of("innovation.rdIntensityPct"), none);
        assertTrue(none.size() == 1 && none.get(0).contains("talent.skilledWorkerSharePct"), none.toString());
    }

    private static List<String> signalSentences(String text, String split, Pattern signal) {
        List<String> sentences = Arrays.stream(text.split(split))
                .filter(s -> signal.matcher(s).find() && !NOT_A_SIGNAL.matcher(s).find()).toList();
        return sentences;
    }

    private static void check(String id, String lang, List<String> sentences, int which, Set<String> read,
            List<String> problems) {
        if (sentences.isEmpty() && !id.equals("B-X")) {
            problems.add(id + " (" + lang + "): no sentence names the signals");
        }
        for (String s : sentences) {
            NAMES.forEach((indicator, patterns) -> {
                if (patterns[which].matcher(s).find() && !read.contains(indicator)) {
                    problems.add(id + " (" + lang + "): names " + indicator + ", which no diagnosis rule of it reads: " + s);
                }
            });
        }
    }
}
