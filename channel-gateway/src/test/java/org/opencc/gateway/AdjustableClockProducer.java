package org.opencc.gateway;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces service-support's system clock with an {@link AdjustableClock} in every {@code @QuarkusTest}. */
public class AdjustableClockProducer {
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    AdjustableClock clock() {
        return new AdjustableClock();
    }
}
