package org.caseops.system;

import java.util.function.Function;
import org.slf4j.Logger;

/**
 * A demo scenario ({@code serve --demo}) played in the background, so that the server answers meanwhile: a daemon
 * thread plays it and logs, as the feature's own logger, what was played or why it could not be. The features' demo
 * runners (February's call-in letters, a few voluntary departures, the Mississippi worksite action) each decide
 * whether the home has played theirs already and what playing it means; this is the part they share.
 */
public final class DemoInBackground {

    private DemoInBackground() {
    }

    /** What a demo plays; its result is what the log line reports. */
    @FunctionalInterface
    public interface Scenario<T> {
        T play() throws Exception;
    }

    /**
     * Starts {@code scenario} on a daemon thread named {@code thread}.
     *
     * @param what   the scenario in words, for the line that says it could not be played
     * @param played what was played, in words, from the scenario's result (logged after "Demo mode: ")
     */
    public static <T> Thread play(String thread, Logger log, String what, Scenario<T> scenario,
            Function<T, String> played) {
        Thread player = new Thread(() -> {
            try {
                T result = scenario.play();
                log.info("Demo mode: {}", played.apply(result));
            } catch (Exception e) {
                log.warn("Demo mode: {} could not be played", what, e);
            }
        }, thread);
        player.setDaemon(true);
        player.start();
        return player;
    }
}
