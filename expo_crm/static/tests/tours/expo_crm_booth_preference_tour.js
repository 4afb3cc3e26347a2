import { registry } from "@web/core/registry";

/**
 * An exhibition salesperson opens an opportunity for the next edition and enters its
 * booth preferences on the Booths tab: first a named corner booth, then a wish for a
 * hall and a minimum area.
 */
registry.category("web_tour.tours").add("expo_crm_booth_preference_tour", {
    url: "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the gallery's opportunity",
            trigger: ".o_data_row td[name=name]:contains(Tour Gallery next booth)",
            run: "click",
        },
        {
            content: "Open the Booths tab",
            trigger: ".o_notebook .nav-link[name=expo_booths]",
            run: "click",
        },
        {
            content: "Add a first choice",
            trigger: ".o_field_widget[name=expo_booth_preference_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The corner booth T5",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=booth_ids] input",
            run: "edit T5",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains(T5)",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=booth_ids] .o_tag:contains(T5)",
        },
        {
            content: "Add a second choice",
            trigger: ".o_field_widget[name=expo_booth_preference_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Any booth of the hall",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=hall_id] input",
            run: "edit Tour Hall",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Hall)",
            run: "click",
        },
        {
            content: "of 18 m² at least",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=min_area_sqm] input",
            run: "edit 18",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Two ranked choices",
            trigger: ".o_field_widget[name=expo_booth_preference_ids] .o_data_row:eq(1) td[name=rank]:contains(2)",
        },
        {
            trigger: ".o_field_widget[name=expo_booth_preference_ids] .o_data_row:eq(0) td[name=rank]:contains(1)",
        },
    ],
});
