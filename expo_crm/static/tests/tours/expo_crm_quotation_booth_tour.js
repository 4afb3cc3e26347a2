import {registry} from "@web/core/registry";

/**
 * On a quotation for an exhibition edition, a salesperson adds a booth line: the booth
 * selection opens on the quotation's edition, ready to pick a category and a booth.
 */
registry.category("web_tour.tours").add("expo_crm_quotation_booth_tour", {
    steps: () => [
        {
            content: "The quotation is for the edition",
            trigger: ".o_field_widget[name=expo_event_id] input:value(Tour Fair 2031)",
        },
        {
            content: "Add a booth line",
            trigger: ".o_field_x2many_list_row_add a:contains(Add a product)",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_template_id] input",
            run: "edit Tour Booth",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Booth)",
            run: "click",
        },
        {
            content: "The booth selection opens on the quotation's edition",
            trigger:
                ".modal .o_field_widget[name=event_id] input:value(Tour Fair 2031)",
        },
        {
            trigger: ".modal .o_field_widget[name=event_booth_category_id] input",
            run: "edit Tour Corner",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Corner)",
            run: "click",
        },
        {
            content: "Pick the booth",
            trigger: ".modal .o_field_widget[name=event_booth_ids] label:contains(C7)",
            run: "click",
        },
        {
            trigger: ".modal .modal-footer button:contains(Ok)",
            run: "click",
        },
        {
            content: "The line sells the booth",
            trigger:
                "body:not(:has(.modal)) .o_data_row .o_field_widget[name=product_template_id] input:value(Tour Booth)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
