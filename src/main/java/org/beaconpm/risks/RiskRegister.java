package org.beaconpm.risks;

/** A register of risks: corporate, directorate, service or partnership, owned by a unit, scored on its matrix. */
public record RiskRegister(
        long id,
        long organisationId,
        String code,
        String name,
        RegisterKind kind,
        long ownerUnitId,
        RiskMatrix matrix,
        Appetite appetite,
        int version) {}
