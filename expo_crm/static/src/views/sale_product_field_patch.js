import {patch} from "@web/core/utils/patch";
import {SaleOrderLineProductField} from "@sale/js/sale_product_field";

/**
 * On a quotation for an exhibition edition, the booth selection of a new booth line
 * opens on that edition.
 */
patch(SaleOrderLineProductField.prototype, {
    async _openEventBoothConfigurator(edit) {
        const record = this.props.record;
        const orderEdition = record.model.root.data.expo_event_id;
        if (!edit && orderEdition && !record.data.event_id) {
            // the configurator opens on the line's edition when it edits a line
            await record.update({event_id: orderEdition});
            return super._openEventBoothConfigurator(true);
        }
        return super._openEventBoothConfigurator(...arguments);
    },
});
