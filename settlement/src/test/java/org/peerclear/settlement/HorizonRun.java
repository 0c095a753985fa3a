package org.peerclear.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.HorizonResultWriter;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.model.HorizonMarket;
import org.peerclear.opt.Status;

/**
 * A horizon cleared and its result written as {@code clear} writes it, for the tests that settle
 * the file with its case.
 *
 * @param horizon the horizon as cleared
 * @param result  its result, optimal
 * @param file    the result file
 */
record HorizonRun(Horizon horizon, HorizonResult result, Path file) {
    static HorizonRun of(HorizonMarket hm, Path file) {
        Horizon h = Horizons.of(hm);
        HorizonResult r = new HorizonClearing().clear(h, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        HorizonResultWriter.write(hm, h, r, "qp", file);
        return new HorizonRun(h, r, file);
    }
}
