package io.nqpf.advisor.assessments;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the assessments and their audit trail; every method is one transaction of the {@link Store}. */
@ApplicationScoped
public class AssessmentRepository {

    /** One stored assessment; profile and report are the JSON texts as sent and as answered. */
    public record Row(String id, String regionId, String regionName, int year, String title, String note,
            String language, String profile, String report, String rulesetVersion, String rulesetSha256,
            String decisionId, String savedBy, Instant savedAt, String updatedBy, Instant updatedAt, int revision,
            String deletedBy, Instant deletedAt) {

        boolean deleted() {
            return deletedAt != null;
        }
    }

    /** What a list may be narrowed to; null means any. */
    public record Filter(String regionId, Integer year, String savedBy, Instant from, Instant to) {
    }

    public record Page(List<Row> rows, int total) {
    }

    private static final String COLUMNS = "id, region_id, region_name, profile_year, title, note, language, profile, "
            + "report, ruleset_version, ruleset_sha256, decision_id, saved_by, saved_at, updated_by, updated_at, revision, "
            + "deleted_by, deleted_at";
    private static final String LIST_COLUMNS = "id, region_id, region_name, profile_year, title, note, language, "
            + "NULL AS profile, NULL AS report, ruleset_version, ruleset_sha256, decision_id, saved_by, saved_at, "
            + "updated_by, updated_at, revision, deleted_by, deleted_at";

    private final Store store;

    public AssessmentRepository(Store store) {
        this.store = store;
    }

    public void insert(Row r) {
        store.run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, r.id());
                s.setString(2, r.regionId());
                s.setString(3, r.regionName());
                s.setInt(4, r.year());
                s.setString(5, r.title());
                s.setString(6, r.note());
                s.setString(7, r.language());
                s.setString(8, r.profile());
                s.setString(9, r.report());
                s.setString(10, r.rulesetVersion());
                s.setString(11, r.rulesetSha256());
                s.setString(12, r.decisionId());
                s.setString(13, r.savedBy());
                s.setObject(14, Store.utc(r.savedAt()));
                s.setString(15, null);
                s.setNull(16, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                s.setInt(17, 1);
                s.setString(18, null);
                s.setNull(19, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                s.executeUpdate();
            }
            audit(c, r.id(), "CREATE", r.savedBy(), r.savedAt(), null);
            return null;
        });
    }

    /** The assessment, deleted or not. */
    public Optional<Row> find(String id) {
        return store.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM assessment WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Assessments not deleted that match, newest first, without profile and report. */
    public Page list(Filter f, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (f.regionId() != null) {
            where.append(" AND region_id = ?");
            args.add(f.regionId());
        }
        if (f.year() != null) {
            where.append(" AND profile_year = ?");
            args.add(f.year());
        }
        if (f.savedBy() != null) {
            where.append(" AND saved_by = ?");
            args.add(f.savedBy());
        }
        if (f.from() != null) {
            where.append(" AND saved_at >= ?");
            args.add(Store.utc(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND saved_at < ?");
            args.add(Store.utc(f.to()));
        }
        return store.run(c -> {
            int total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM assessment" + where)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + LIST_COLUMNS + " FROM assessment" + where
                    + " ORDER BY saved_at DESC, id LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(limit);
                all.add(offset);
                bind(s, all);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return new Page(rows, total);
        });
    }

    /** Each year's latest saved assessment of a region that is not deleted, by year ascending. */
    public List<Row> latestPerYear(String regionId) {
        return store.run(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM assessment a WHERE region_id = ? "
                    + "AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM assessment b WHERE b.region_id = a.region_id "
                    + "AND b.profile_year = a.profile_year AND b.deleted_at IS NULL AND (b.saved_at > a.saved_at OR "
                    + "(b.saved_at = a.saved_at AND b.id > a.id))) ORDER BY profile_year")) {
                s.setString(1, regionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Sets title and note (each only when {@code set…} is true) and audits it.
     *
     * @return false when there is no such assessment, or it is deleted
     */
    public boolean annotate(String id, boolean setTitle, String title, boolean setNote, String note, String actor,
            Instant at) {
        return store.run(c -> {
            StringBuilder sql = new StringBuilder("UPDATE assessment SET updated_by = ?, updated_at = ?, revision = revision + 1");
            if (setTitle) {
                sql.append(", title = ?");
            }
            if (setNote) {
                sql.append(", note = ?");
            }
            sql.append(" WHERE id = ? AND deleted_at IS NULL");
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setString(i++, actor);
                s.setObject(i++, Store.utc(at));
                if (setTitle) {
                    s.setString(i++, title);
                }
                if (setNote) {
                    s.setString(i++, note);
                }
                s.setString(i, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(c, id, "ANNOTATE", actor, at, (setTitle ? "title" : "") + (setTitle && setNote ? "," : "")
                    + (setNote ? "note" : ""));
            return true;
        });
    }

    /** Marks it deleted and audits it; false when there is no such assessment or it was already deleted. */
    public boolean delete(String id, String actor, Instant at) {
        return store.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE assessment SET deleted_by = ?, deleted_at = ? "
                    + "WHERE id = ? AND deleted_at IS NULL")) {
                s.setString(1, actor);
                s.setObject(2, Store.utc(at));
                s.setString(3, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(c, id, "DELETE", actor, at, null);
            return true;
        });
    }

    /** The audit trail of an assessment: action, actor and time, oldest first. */
    public List<String[]> audit(String id) {
        return store.run(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT action, actor, acted_at, detail FROM assessment_audit "
                    + "WHERE assessment_id = ? ORDER BY id")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2),
                                rs.getObject(3, java.time.OffsetDateTime.class).toInstant().toString(), rs.getString(4)});
                    }
                }
            }
            return out;
        });
    }

    private static void audit(Connection c, String id, String action, String actor, Instant at, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment_audit (assessment_id, action, actor, "
                + "acted_at, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, action);
            s.setString(3, actor);
            s.setObject(4, Store.utc(at));
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("region_id"), rs.getString("region_name"),
                rs.getInt("profile_year"), rs.getString("title"), rs.getString("note"), rs.getString("language"),
                rs.getString("profile"), rs.getString("report"), rs.getString("ruleset_version"),
                rs.getString("ruleset_sha256"), rs.getString("decision_id"), rs.getString("saved_by"),
                instant(rs, "saved_at"), rs.getString("updated_by"), instant(rs, "updated_at"), rs.getInt("revision"),
                rs.getString("deleted_by"), instant(rs, "deleted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
