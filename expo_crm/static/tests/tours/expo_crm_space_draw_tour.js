import {registry} from "@web/core/registry";

/**
 * A show manager opens the next edition, opens its space draw, simulates it (nothing is
 * held), then assigns it: the applicant with most points gets the contested corner, the
 * other one goes on the waiting list, each line saying why.
 */
registry.category("web_tour.tours").add("expo_crm_space_draw_tour", {
    url: "/odoo/action-expo_crm.expo_edition_action",
    steps: () => [
        {
            trigger: ".o_group_header:contains(Tour Draw Fair)",
            run: "click",
        },
        {
            content: "Open the next edition",
            trigger: ".o_data_row td[name=name]:contains(Tour Draw Fair 2031)",
            run: "click",
        },
        {
            content: "Open its space draw",
            trigger: ".o_form_view button[name=action_expo_space_draw]",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(New)",
        },
        {
            content: "Simulate",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_simulate]",
            run: "click",
        },
        {
            content: "The simulation proposes the corner to the loyal gallery",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:eq(0):contains(Draw Loyal Gallery):contains(T5):contains(Simulated)",
        },
        {
            content: "and nothing to the newcomer",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:eq(1):contains(Draw Newcomer):contains(went to no. 1)",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Simulated)",
        },
        {
            content: "Assign",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_assign]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Assigned)",
        },
        {
            content: "The gallery holds the corner",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:eq(0):contains(Booth Held):contains(T5)",
        },
        {
            content: "The newcomer waits",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:eq(1):contains(Waiting List)",
        },
        {
            content: "The waiting list counts it",
            trigger: ".o_form_view button[name=action_view_waiting_list]:contains(1)",
            run: "click",
        },
        {
            trigger: ".o_list_renderer .o_data_row:contains(Draw Newcomer)",
        },
    ],
});
