#pragma once
/// Radiation effects on accelerators from the Suncatcher proton tests (arXiv:2511.19468 sec. 2.3, 4.3) and
/// hardware failures without repair: usable capacity against time. See docs/models/sites.md.

namespace kardashev::economy {

/// Fluence per unit dose of the Suncatcher beam [1/m^2 per rad]: 1 rad(Si) ~ 7.9e6 p/cm^2 (sec. 4.3).
inline constexpr double protons_per_m2_per_rad = 7.9e6 * 1e4;

/// Dose and event rates of a site, per accelerator. Defaults: SSO LEO behind ~10 mm Al, Trillium v6e tests.
struct site_radiation {
    double dose_rate_rad_per_year = 150.0;  //!< [rad(Si)/yr] (Suncatcher sec. 2.3, ~10 mm Al; 0 on the ground)
    double rad_per_sdc = 17.0;              //!< [rad] dose per silent data corruption (sec. 2.3: 1 per 14.4-20 rad)
    double rad_per_uecc = 44.0;             //!< [rad] per HBM uncorrectable ECC error (sec. 4.3)
    double rad_per_sefi = 5000.0;           //!< [rad] per functional interrupt (sec. 4.3: 1 per 5 krad per chip)
    double tid_limit_rad = 2000.0;          //!< [rad] HBM irregularities from 2 krad(Si) (sec. 2.3)
    double sefi_recovery_s = 600.0;         //!< [s] downtime per functional interrupt (assumption: a reboot)
    bool operator==(const site_radiation&) const = default;
};

/// Event rates per accelerator.
struct radiation_rates {
    double sdc_per_year = 0.0;    //!< [1/yr]
    double uecc_per_year = 0.0;   //!< [1/yr]
    double sefi_per_year = 0.0;   //!< [1/yr]
    double tid_life_s = 0.0;      //!< [s] time to the total-dose limit; 0 when the dose rate is 0
    double availability = 1.0;    //!< [-] 1 - SEFI rate x recovery time
    bool operator==(const radiation_rates&) const = default;
};

/// Cross-section [m^2 per chip] of an effect seen once per `rad_per_event`: 1 / (fluence per rad x D)
/// (Suncatcher sec. 4.3: sigma ~ 1.27e-7 / D cm^2).
double cross_section_m2(double rad_per_event);

/// Event rates of `r`; throws input_error on negative dose or non-positive doses per event.
radiation_rates radiation_event_rates(const site_radiation& r);

/// Usable share of the accelerators at `t_s` with constant failure rate `lambda_per_s` and no repair:
/// exp(-lambda t); with replacement every `replacement_interval_s` (> 0), exp(-lambda (t mod interval)).
double usable_fraction(double t_s, double lambda_per_s, double replacement_interval_s = 0.0);

/// Mean usable share over [0, life_s] without repair: (1 - exp(-lambda T)) / (lambda T).
double mean_usable_fraction(double life_s, double lambda_per_s);

}  // namespace kardashev::economy
