import {patch} from "@web/core/utils/patch";
import {FloatField} from "@web/views/fields/float/float_field";
import {MonetaryField} from "@web/views/fields/monetary/monetary_field";
import {InvalidNumberError} from "@web/views/fields/parsers";

/**
 * A number too large to be one (1e309 parses to Infinity) is refused as the field
 * refuses text: the field turns red and nothing is saved. Without this the web
 * client shows "Infinity", sends null and the record silently keeps 0.
 */
function finite(value) {
    if (typeof value === "number" && !Number.isFinite(value)) {
        throw new InvalidNumberError(`"${value}" is not a finite number`);
    }
    return value;
}

patch(FloatField.prototype, {
    parse(value) {
        return finite(super.parse(value));
    },
});

patch(MonetaryField.prototype, {
    get inputOptions() {
        const options = super.inputOptions;
        return {...options, parse: (value) => finite(options.parse(value))};
    },
});
