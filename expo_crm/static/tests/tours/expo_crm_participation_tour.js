import {registry} from "@web/core/registry";

/**
 * A show manager records a supplier's participation by hand (a booth builder working
 * at an edition), confirms it and finds it in the participations list.
 */
registry.category("web_tour.tours").add("expo_crm_participation_tour", {
    url: "/odoo/action-expo_crm.expo_participation_action",
    steps: () => [
        {
            content: "Create a participation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Builders",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Builders)",
            run: "click",
        },
        {
            content: "Choose the edition",
            trigger: ".o_field_widget[name=event_id] input",
            run: "edit Tour Fair 2031",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Fair 2031)",
            run: "click",
        },
        {
            content: "The series follows from the edition",
            trigger: ".o_field_widget[name=series_id]:contains(Tour Fair)",
        },
        {
            content: "Choose the role",
            trigger: ".o_field_widget[name=role_id] input",
            run: "edit Booth Builder",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Booth Builder)",
            run: "click",
        },
        {
            content: "Upstream side shown",
            trigger: ".o_field_widget[name=side]:contains(Upstream)",
        },
        {
            content: "Confirm it",
            trigger: ".o_statusbar_status button[data-value=confirmed]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value=confirmed]",
        },
        {
            content: "Changing the status saved the participation",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the list",
            trigger:
                ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            trigger:
                ".o_list_renderer .o_data_row:contains(Tour Builders):contains(Confirmed)",
        },
    ],
});
