package io.nqpf.advisor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.spreadsheets.SheetColumn;
import io.nqpf.advisor.spreadsheets.SheetColumns;
import io.nqpf.advisor.spreadsheets.TemplateWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The input of the spreadsheet benchmark (bench/sheets.sh): synthetic county-level profiles with every field of the
 * profile filled (each within its validated range, the three sector shares summing to 100), the same rows as a JSON
 * batch, as the template workbook and as its CSV. Seeded, so every run gets the same files.
 * Usage: SheetFixture outDir count...
 */
public final class SheetFixture {

    private SheetFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        Fixture fixture = Fixture.load();
        for (int a = 1; a < args.length; a++) {
            int count = Integer.parseInt(args[a]);
            List<JsonNode> profiles = profiles(count, fixture);
            ObjectNode batch = fixture.json().createObjectNode();
            batch.putArray("profiles").addAll(profiles);
            Files.write(out.resolve("batch-" + count + ".json"), fixture.json().writeValueAsBytes(batch));
            TemplateWriter writer = new TemplateWriter(fixture.ruleset(), Language.ZH_CN, count);
            try (OutputStream o = Files.newOutputStream(out.resolve("regions-" + count + ".xlsx"))) {
                writer.xlsx(profiles.iterator(), o);
            }
            try (OutputStream o = Files.newOutputStream(out.resolve("regions-" + count + ".csv"))) {
                writer.csv(profiles.iterator(), o);
            }
            System.out.printf("%d profiles: %s%n", count, out.toAbsolutePath());
        }
    }

    static List<JsonNode> profiles(int count, Fixture fixture) {
        Random random = new Random(2800);
        List<JsonNode> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode p = fixture.json().createObjectNode();
            for (SheetColumn c : SheetColumns.all()) {
                if (c.role() != SheetColumn.Role.VALUE) {
                    continue;
                }
                ObjectNode holder = c.path().contains(".") ? p.withObjectProperty(c.path().substring(0, c.path().indexOf('.'))) : p;
                String name = c.path().substring(c.path().indexOf('.') + 1);
                switch (c.kind()) {
                    case BOOLEAN -> holder.put(name, random.nextBoolean());
                    case ENUM -> holder.put(name, c.values().get(random.nextInt(c.values().size())));
                    case WHOLE_NUMBER -> holder.put(name, (int) between(random, c.min(), c.max() == null ? 500 : Math.min(c.max(), 500)));
                    case NUMBER -> holder.put(name, round(between(random, c.min(), c.max() == null ? 100 : c.max())));
                    case TEXT -> holder.put(name, "x");
                }
            }
            p.put("regionId", "county-" + i);
            p.put("name", "合成县" + i + "（合成数据）");
            p.put("year", 2020 + random.nextInt(4));
            p.put("level", "COUNTY");
            p.put("sizeClass", "SMALL");
            ObjectNode economy = (ObjectNode) p.get("economy");
            double primary = round(2 + random.nextDouble() * 28);
            double secondary = round(20 + random.nextDouble() * 40);
            economy.put("primarySharePct", primary);
            economy.put("secondarySharePct", secondary);
            economy.put("tertiarySharePct", round(100 - primary - secondary));
            ObjectNode talent = (ObjectNode) p.get("talent");
            talent.put("residentPopulation", 50_000 + random.nextInt(1_500_000));
            talent.put("populationChangePct", round(-3 + random.nextDouble() * 5));
            profiles.add(p);
        }
        return profiles;
    }

    private static double between(Random random, Double min, Double max) {
        double lo = min == null ? 0 : min;
        return lo + random.nextDouble() * (max - lo);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
