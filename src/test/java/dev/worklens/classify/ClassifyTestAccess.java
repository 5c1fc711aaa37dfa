package dev.worklens.classify;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package (the benchmark) wait for the background Claude pass. */
public final class ClassifyTestAccess {

    private ClassifyTestAccess() {}

    public static boolean backgroundIdle(ApplicationContext context) {
        return context.getBean(ClassifyOnStore.class).idle();
    }
}
