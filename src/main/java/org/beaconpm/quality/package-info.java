/** Data quality: validation rules, outliers against each indicator's history, and data-quality statements. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "periods", "assessment", "indicators", "collection", "access"
        })
package org.beaconpm.quality;
