package costplan.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.ledger.SessionActivity;

/** The {@code activity} object that {@code analyze --json} and {@code plan --json} share, with the same names. */
final class ActivityJson {
    private ActivityJson() {
    }

    static ObjectNode node(SessionActivity a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("sessions", a.sessions());
        n.put("agentThreads", a.agentThreads());
        n.put("peakParallelSessions", a.peakParallelSessions());
        n.put("peakParallelAgentThreads", a.peakParallelAgentThreads());
        n.put("activeHours", a.activeHours());
        n.put("hoursWithParallelSessions", a.hoursWithParallelSessions());
        return n;
    }
}
