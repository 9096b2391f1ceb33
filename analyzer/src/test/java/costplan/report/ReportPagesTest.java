package costplan.report;

import costplan.ledger.UsageGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPagesTest {

    @Test
    void usagePageOfTheEra2026TreeMatchesItsGoldenViewModel() throws IOException {
        ReportPage page = ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false));
        String actual = ViewModelText.of(page);
        assertThat(actual).isEqualTo(ReportFixtures.golden("era-2026-02-01.view-model.txt", actual));
    }

    @Test
    void summaryStatesPeriodRequestsTokensCostAndPlansInOneSentence() throws IOException {
        ReportInputs in = ReportFixtures.inputs(ReportFixtures.ERA_2026, false);
        UsageGroup total = in.ledger().total();
        ReportPage page = ReportPages.usage(in);
        // The tree's truth (truth-utc.json): 24 requests on 2026-02-04 and 2026-02-05.
        assertThat(total.requests()).isEqualTo(24);
        long tokens = 116 + 10_410 + 99_552 + 526_880;
        assertThat(total.tokens().totalTokens()).isEqualTo(tokens);
        assertThat(page.summary()).isEqualTo("From 2026-02-04 to 2026-02-05 (2 days) you made 24 requests using "
                + "637.0 K tokens, "   // 636,958 tokens
                + ReportFormats.percent(526_880.0 / (116 + 99_552 + 526_880))
                + " of the prompt tokens read from cache; at API list prices this would have cost "
                + total.computedCost() + ", against $1.31 for Claude Pro, $6.57 for Claude Max 5x or $13.14 for "
                + "Claude Max 20x over the same days.");
        // $20 a month over 2 of 30.4375 days
        assertThat(new BigDecimal("20").multiply(BigDecimal.valueOf(2)).divide(new BigDecimal("30.4375"), 2,
                java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("1.31");
    }

    @Test
    void everyChartIsAnSvgWithItsOwnIds() throws IOException {
        UsageSection usage = (UsageSection) ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false))
                .sections().get(0);
        assertThat(usage.charts()).extracting(Chart::id).containsExactly("daily-tokens", "daily-cost",
                "cache-hit-rate", "model-mix", "activity", "sessions", "top-projects");
        for (Chart c : usage.charts()) {
            assertThat(c.svg()).startsWith("<svg").contains("id=\"" + c.id() + "-svg\"").contains("viewBox=\"0 0 760 ");
            assertThat(c.svg().replaceAll("[\"']" + c.id() + "-[^\"']*[\"']", "")).doesNotContainPattern("id=['\"]");
        }
    }

    @Test
    void redactedPageNamesProjectsInOrderOfFirstUseAndShowsNoPath() throws IOException {
        ReportPage page = ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, true));
        UsageSection usage = (UsageSection) page.sections().get(0);
        assertThat(usage.projects()).extracting(UsageSection.ProjectRow::project)
                .containsExactlyInAnyOrder("project-1", "project-2");
        String text = ViewModelText.of(page) + String.join("", usage.charts().stream().map(Chart::svg).toList());
        assertThat(text).doesNotContain("alex").doesNotContain("write-core").doesNotContain("on-api");
    }

    @Test
    void aliasesFollowTheFirstRequestOfEachProjectAndStayTheSameOnEveryRun(@TempDir Path root) throws IOException {
        ReportFixtures.logTree(root, "/home/u/late", "2026-01-06T10:00:00Z");
        ReportFixtures.logTree(root, "/home/u/early", "2026-01-05T09:00:00Z", "2026-01-07T09:00:00Z");
        List<String> first = projects(root);
        assertThat(first).containsExactly("project-1", "project-2");   // early costs more (2 requests), and came first
        assertThat(projects(root)).isEqualTo(first);
        ProjectAliases aliases = ProjectAliases.redacting(ReportFixtures.inputs(root, true).ledger().records());
        assertThat(aliases.nameOf("/home/u/early")).isEqualTo("project-1");
        assertThat(aliases.nameOf("/home/u/late")).isEqualTo("project-2");
    }

    private static List<String> projects(Path root) throws IOException {
        UsageSection usage = (UsageSection) ReportPages.usage(ReportFixtures.inputs(root, true)).sections().get(0);
        return usage.projects().stream().map(UsageSection.ProjectRow::project).toList();
    }
}
