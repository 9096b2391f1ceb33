package costplan.report;

import costplan.Costplan;
import costplan.speed.SpeedModels;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests of the plan report: its view model and the outline of its HTML (fixed zone, seed and clock). */
class PlanReportTest {

    static ReportPage page() throws IOException {
        ReportInputs inputs = ReportFixtures.inputs(ReportFixtures.ERA_2026, false);
        var plan = Costplan.plan(ReportFixtures.usage(inputs), "mac-studio-m3-ultra-256gb", "rtx-5090", "rented-h100-runpod");
        return ReportPages.usageAndPlan(inputs, plan, SpeedModels.standard());
    }

    @Test
    void planPageLeadsWithTheVerdictAndMatchesItsGoldenViewModel() throws IOException {
        ReportPage page = page();
        assertThat(page.summary()).startsWith("You would pay $16/month on API pay-as-you-go. Stay on it: ");
        assertThat(page.sections()).extracting(ReportSection::id).containsExactly("plan", "usage", "assumptions");
        PlanSection plan = (PlanSection) page.sections().get(0);
        // Three devices, at most two options each; the RTX 5090 holds one model scoring 50 or more with its KV caches.
        assertThat(plan.options()).hasSize(5);
        String actual = ViewModelText.of(page);
        assertThat(actual).isEqualTo(ReportFixtures.golden("era-2026-02-01.plan.view-model.txt", actual));
    }

    @Test
    void planPageHtmlMatchesItsGoldenOutline() throws IOException {
        String html = new ReportRenderer().render(page());
        String actual = ReportRendererTest.outline(html);
        assertThat(actual).isEqualTo(ReportFixtures.golden("era-2026-02-01.plan.outline.txt", actual));
        assertThat(html).contains("id=\"plan-cumulative\"").contains("id=\"plan-crossover\"").contains("id=\"plan-memory\"");
    }
}
