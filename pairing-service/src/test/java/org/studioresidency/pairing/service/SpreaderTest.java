package org.studioresidency.pairing.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SpreaderTest {

    private final UUID busy = UUID.randomUUID();
    private final UUID light = UUID.randomUUID();

    private static List<UUID> spread(Spreader spreader, int pairings) {
        return IntStream.range(0, pairings).mapToObj(i -> spreader.next()).flatMap(Optional::stream).toList();
    }

    @Test
    void shouldBalanceConsultantsAcrossPairingsByContractedCapacity() {
        int busyCapacity = 4;
        int lightCapacity = 2;
        Spreader spreader = new Spreader(List.of(new Spreader.Person(busy, "Busy", busyCapacity),
                new Spreader.Person(light, "Light", lightCapacity)), Map.of());

        List<UUID> assigned = spread(spreader, busyCapacity + lightCapacity);

        assertThat(Collections.frequency(assigned, busy)).isEqualTo(busyCapacity);
        assertThat(Collections.frequency(assigned, light)).isEqualTo(lightCapacity);
        assertThat(assigned.subList(0, 3)).as("the first pairings go to both, not all to one").contains(busy, light);
    }

    @Test
    void shouldGiveNobodyMorePairingsThanTheirCapacity() {
        int capacity = 1;
        Spreader spreader = new Spreader(List.of(new Spreader.Person(light, "Light", capacity)), Map.of());

        assertThat(spread(spreader, capacity + 1)).containsExactly(light);
        assertThat(spreader.next()).isEmpty();
    }

    @Test
    void shouldCountThePairingsSomeoneHasAlreadyWhenBalancingByCount() {
        int already = 2;
        Spreader spreader = new Spreader(List.of(new Spreader.Person(busy, "Alpha", Spreader.UNLIMITED),
                new Spreader.Person(light, "Beta", Spreader.UNLIMITED)), Map.of(busy, already));

        List<UUID> assigned = new ArrayList<>(spread(spreader, already));

        assertThat(assigned).containsOnly(light);
        assertThat(spreader.next()).as("equal again: the name decides").contains(busy);
    }

    @Test
    void shouldSpreadNobodyWhenThePoolIsEmpty() {
        assertThat(new Spreader(List.of(), Map.of()).next()).isEmpty();
    }
}
