package org.studioresidency.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.studioresidency.local.DistrictInfraTestResource;

/** Every test of this service gets a real PostgreSQL database, the Kafka broker and SMTP. */
@QuarkusTestResource(value = DistrictInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
public class WithDistrictInfrastructure {
}
