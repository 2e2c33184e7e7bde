package org.passkeyee.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a logger and the loggers below it log (through java.util.logging) while an action runs. */
public final class LogCapture {

    private LogCapture() {
    }

    /**
     * Runs {@code action} and answers the records logged under {@code loggerName} at
     * {@code atLeast} or above, each as {@code LEVEL message}.
     */
    public static List<String> messagesDuring(String loggerName, Level atLeast, Runnable action) {
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(loggerName);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= atLeast.intValue()) {
                    synchronized (logged) {
                        logged.add(record.getLevel() + " " + record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
        }
        return logged;
    }
}
