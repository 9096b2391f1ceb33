package costplan;

import costplan.plan.PlanResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CostplanTest {
    @Test
    void analyzesAndPlansFromJava() throws IOException {
        var ledger = Costplan.analyze("../samples/claude").ledger();
        assertThat(ledger.total().requests()).isEqualTo(36);
        PlanResult plan = Costplan.plan(ledger, "rtx-5090", "rented-h100-runpod");
        assertThat(plan.options()).hasSize(4);
        assertThat(plan.verdict()).startsWith("Stay on API pay-as-you-go");
        assertThat(plan.toString()).startsWith(plan.verdict()).contains("rtx-5090").contains("keeps up");
        assertThat(Costplan.catalog().device("rtx-5090").memoryGb()).isEqualTo(32);
    }
}
