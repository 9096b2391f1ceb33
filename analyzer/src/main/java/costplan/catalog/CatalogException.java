package costplan.catalog;

import costplan.importers.CostplanException;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog or price folder that cannot be used, with every problem found in it. */
public final class CatalogException extends CostplanException {
    private final transient List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super(Kind.BAD_INPUT, problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n  ",
                problems.size() == 1 ? "" : problems.size() + " problems in the catalog:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
