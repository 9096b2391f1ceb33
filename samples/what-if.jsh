// A what-if notebook. From the repository root:
//   ./costplan notebook samples/what-if.jsh
// or: jshell --class-path analyzer/target/analyzer-0.1.0-SNAPSHOT-all.jar samples/what-if.jsh
import costplan.*;
import costplan.usage.*;
import costplan.plan.*;
import costplan.whatif.*;

// 1. The sample logs: what was used, and what it would have cost at API list prices.
var usage = Costplan.analyze("samples/claude");
System.out.println(usage);

// 2. The same usage as Tablesaw tables, to slice further: one row per day, per model; and the sessions.
var days = usage.byDay();
System.out.println(days.printAll());
System.out.println(usage.byModel().select("model", "requests", "cost").printAll());
System.out.println(usage.activity().describe());

// 3. A plan of these logs on two machines, as costplan plan makes it; its options are a table too.
var plan = usage.plan(PlanSettings.defaults().withDevices("rtx-5090", "rented-l40s-vastai").withSamples(500));
System.out.println(plan.verdict());
System.out.println(plan.optionsTable().select("device", "model", "keepsUp", "slowdown", "monthlyUsd").printAll());

// 4. Three machines on the same work: a Mac mini, a Mac Studio, and a rented L40S.
var mine = Costplan.scenario().withLogs("samples/claude").withGrowth(0).withSamples(500);
mine = mine.withOptions(OptionSpec.of("mac-mini-m4-pro-64gb", "qwen3-coder-30b-a3b:q4_k_m"),
                        OptionSpec.of("mac-studio-m3-ultra-256gb", "qwen3-coder-next:q4_k_m"),
                        OptionSpec.of("rented-l40s-vastai", "qwen3-coder-30b-a3b:q4_k_m"));
System.out.println(mine.plan());

// 5. What if electricity costs more, or the usage grows each month? A sweep is a table as well.
System.out.println(mine.sweep("overrides.electricityUsdPerKwh", 0.10, 0.50, 3));
System.out.println(mine.sweep("growthPerMonth", 0, 0.30, 4).table().printAll());

// 6. The payback table for a heavier user: 40M Sonnet tokens a day in four sessions instead of these logs.
var heavier = mine.withDaily(WhatIf.DEFAULT_DAILY).withTokensPerDay(40_000_000).withParallelSessions(4);
System.out.println(heavier.plan());
/exit
