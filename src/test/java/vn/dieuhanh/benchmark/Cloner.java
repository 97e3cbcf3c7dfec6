package vn.dieuhanh.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Loads volume for the benchmark: copies, by SQL, every open assignment that was started through the REST API
 * (its process instances with their executions, tasks, variables, identity links, event subscriptions, timer jobs,
 * authorizations, byte arrays and, optionally, history, and its {@code asg_assignment} and trail rows). Each copy gets
 * new ids: every value that is the id of one of the copied rows has its last 8 characters replaced by the copy number
 * in hex after a 'c' (same length, so {@code Activity:uuid} ids still fit their columns), wherever it appears; everything else
 * (definitions, users, groups, deadlines, due dates) stays as in the original. A copy is therefore an open assignment
 * the engine can complete, fire and cancel like the original, without having paid for a start.
 */
final class Cloner {

    private Cloner() {
    }

    /** Inserts {@code copies} copies of every open assignment; returns the rows inserted. */
    static long copy(DataSource db, int copies, boolean history) throws SQLException {
        if (copies <= 0) {
            return 0;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE tpl_root AS SELECT DISTINCT e.root_proc_inst_id_ AS id FROM act_ru_task t"
                    + " JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'Task_HandleAssignment'");
            s.execute("CREATE TEMP TABLE tpl_pi AS SELECT DISTINCT proc_inst_id_ AS id FROM act_ru_execution"
                    + " WHERE root_proc_inst_id_ IN (SELECT id FROM tpl_root)");
            s.execute("CREATE TEMP TABLE tpl_id (id varchar(255) PRIMARY KEY)");

            String pi = "(SELECT id FROM tpl_pi)";
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put("act_ge_bytearray", "x.root_proc_inst_id_ IN (SELECT id FROM tpl_root) OR x.id_ IN"
                    + " (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN " + pi + ")");
            tables.put("act_ru_execution", "x.proc_inst_id_ IN " + pi);
            tables.put("act_ru_task", "x.proc_inst_id_ IN " + pi);
            tables.put("act_ru_identitylink", "x.task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN " + pi + ")");
            tables.put("act_ru_variable", "x.proc_inst_id_ IN " + pi);
            tables.put("act_ru_event_subscr", "x.proc_inst_id_ IN " + pi);
            tables.put("act_ru_job", "x.process_instance_id_ IN " + pi);
            tables.put("act_ru_authorization", "x.resource_id_ IN (SELECT id FROM tpl_id)");
            if (history) {
                for (String table : historyTables(c)) {
                    tables.put(table, "x.root_proc_inst_id_ IN (SELECT id FROM tpl_root)");
                }
            }
            tables.put("asg_assignment", "x.process_instance_id IN " + pi);
            tables.put("asg_trail_event", "x.assignment_id IN (SELECT id FROM asg_assignment WHERE process_instance_id IN "
                    + pi + ")");

            // the ids to renumber: those of every copied row, and the activity instances executions point at
            for (Map.Entry<String, String> table : tables.entrySet()) {
                String idColumn = table.getKey().startsWith("asg_") ? (table.getKey().equals("asg_assignment") ? "id" : null)
                        : "id_";
                if (idColumn != null) {
                    s.execute("INSERT INTO tpl_id SELECT x." + idColumn + " FROM " + table.getKey() + " x WHERE "
                            + table.getValue() + " ON CONFLICT DO NOTHING");
                }
            }
            s.execute("INSERT INTO tpl_id SELECT act_inst_id_ FROM act_ru_execution WHERE proc_inst_id_ IN " + pi
                    + " AND act_inst_id_ IS NOT NULL ON CONFLICT DO NOTHING");
            s.execute("ANALYZE tpl_id");

            long rows = 0;
            int chunk = Math.max(1, Math.min(copies, 20));
            for (int from = 1; from <= copies; from += chunk) {
                int to = Math.min(copies, from + chunk - 1);
                for (Map.Entry<String, String> table : tables.entrySet()) {
                    rows += s.executeUpdate(insert(c, table.getKey(), table.getValue(), from, to));
                }
                Benchmark.log("load: copies " + from + "-" + to + " of " + copies + ", " + rows + " rows");
            }
            s.execute("DROP TABLE tpl_root");
            s.execute("DROP TABLE tpl_pi");
            s.execute("DROP TABLE tpl_id");
            return rows;
        }
    }

    private static List<String> historyTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name LIKE 'act\\_hi\\_%' AND column_name = 'root_proc_inst_id_' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String insert(Connection c, String table, String filter, int from, int to) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_schema ="
                        + " current_schema() AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                String column = rs.getString(1);
                String type = rs.getString(2);
                if ("YES".equals(rs.getString(3))) {
                    continue;
                }
                columns.add(column);
                if (type.equals("character varying") || type.equals("text") || type.equals("character")) {
                    values.add("CASE WHEN x." + column + " IN (SELECT id FROM tpl_id) THEN"
                            + " CASE WHEN length(x." + column + ") >= 20 THEN left(x." + column
                            + ", -8) || 'c' || lpad(to_hex(g), 7, '0') ELSE x." + column + " || '-' || g END"
                            + " ELSE x." + column + " END");
                } else {
                    values.add("x." + column);
                }
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table + " x CROSS JOIN generate_series(" + from + ", " + to + ") g WHERE " + filter;
    }
}
