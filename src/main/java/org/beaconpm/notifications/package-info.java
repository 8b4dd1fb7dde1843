/**
 * Reminders and escalations: who is told what before and after each reporting deadline, by email through a
 * transactional outbox, and on their own page.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "periods", "indicators", "collection", "access"})
package org.beaconpm.notifications;
