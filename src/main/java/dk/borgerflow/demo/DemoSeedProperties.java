package dk.borgerflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo center seeded on an empty demo database ({@code borgerflow.demo.seed}; docs in
 * deployments/demo/README.md).
 *
 * @param enabled      seed at startup (default false; true in the {@code demo} profile's application-demo.yml,
 *                     false in the tests' profile)
 * @param inquiries    how many inquiries the municipalities receive over the simulated weeks (default 300; a
 *                     dozen scripted ones for the README's tour come on top)
 * @param weeks        how far back the simulated history reaches (default 6)
 * @param randomSeed   the seed of the script's random choices: the same seed gives the same demo (default 2027)
 * @param municipality the municipality whose users the README's tour logs in as: it gets the showcase
 *                     inquiries, the consultations and a larger share (default slagelse)
 */
@ConfigurationProperties("borgerflow.demo.seed")
record DemoSeedProperties(Boolean enabled, Integer inquiries, Integer weeks, Long randomSeed, String municipality) {

    DemoSeedProperties {
        enabled = enabled != null && enabled;
        inquiries = inquiries == null ? 300 : inquiries;
        weeks = weeks == null ? 6 : weeks;
        randomSeed = randomSeed == null ? 2027L : randomSeed;
        municipality = municipality == null || municipality.isBlank() ? "slagelse" : municipality;
        if (inquiries < 0 || weeks < 1 || weeks > 26) {
            throw new IllegalArgumentException("borgerflow.demo.seed: inquiries >= 0, weeks between 1 and 26");
        }
    }
}
