package org.peerclear.plot;

/** Axis labels with the result's units. */
final class Units {
    private Units() {
    }

    static String price(ResultData d) {
        return "price [" + d.currency() + "/" + d.powerUnit() + "]";
    }

    static String power(ResultData d) {
        return "power [" + d.powerUnit() + "]";
    }

    /** Energy is power times hours: kW gives kWh. */
    static String energy(ResultData d) {
        return "energy [" + d.powerUnit() + "h]";
    }

    static String time() {
        return "time [h]";
    }
}
