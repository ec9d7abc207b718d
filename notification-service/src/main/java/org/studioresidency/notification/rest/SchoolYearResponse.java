package org.studioresidency.notification.rest;

import java.time.LocalDate;
import java.util.UUID;

public record SchoolYearResponse(UUID id, String name, LocalDate firstDay, LocalDate lastDay) {
}
