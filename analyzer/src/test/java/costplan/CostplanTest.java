package costplan;

import costplan.plan.PlanResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CostplanTest {
    @Test
    void analyzesAndPlansFromJava() throws IOException {
        var usage = Costplan.analyze("../samples/claude");
        assertThat(usage.total().requests()).isEqualTo(36);
        PlanResult plan = Costplan.plan(usage, "rtx-5090", "rented-h100-runpod");
        // A 32 GB RTX 5090 holds no model scoring 50 or more with two 78K-token contexts; the H100 keeps its best two.
        assertThat(plan.options()).hasSize(2).allMatch(o -> o.option().device().id().equals("rented-h100-runpod"));
        assertThat(plan.devicesWithoutOption()).containsExactly("rtx-5090");
        assertThat(plan.verdict()).startsWith("You would pay $20/month on Claude Pro; your usage fits its limits in 1 of 1 week (an estimate).");
        assertThat(plan.toString()).startsWith(plan.verdict()).contains("rented-h100-runpod").contains("keepsUp");
        assertThat(plan.optionsTable().rowCount()).isEqualTo(2);
        var days = usage.byDay();
        assertThat(days).isInstanceOf(tech.tablesaw.api.Table.class);
        assertThat(days.rowCount()).isEqualTo(1);
        assertThat(days.stringColumn("date").get(0)).isEqualTo("2026-01-06");
        assertThat(days.longColumn("requests").get(0)).isEqualTo(36);
        assertThat(days.doubleColumn("cost").get(0)).isEqualTo(usage.total().computedCost().toDouble());
        assertThat(Costplan.catalog().device("rtx-5090").memoryGb()).isEqualTo(32);
    }
}
