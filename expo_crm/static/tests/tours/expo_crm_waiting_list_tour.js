import {registry} from "@web/core/registry";

/**
 * A show manager releases a booth held for an applicant: the booth goes to the first
 * applicant of the waiting list it fits, held for it, and leaves the waiting list.
 */
registry.category("web_tour.tours").add("expo_crm_waiting_list_tour", {
    url: "/odoo/action-expo_crm.expo_space_draw_line_action_waiting",
    steps: () => [
        {
            content: "The newcomer waits for a booth",
            trigger: ".o_list_renderer .o_data_row:contains(Draw Newcomer)",
        },
        {
            content: "Open the floor",
            trigger:
                ".o_menu_sections button:contains(Exhibitions), .o_menu_sections a:contains(Exhibitions)",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains(Floor)",
            run: "click",
        },
        {
            content: "Open the held corner, by hall on the floor",
            trigger:
                ".o_kanban_group:contains(Tour Hall) .o_kanban_record:contains(T5):contains(Held)",
            run: "click",
        },
        {
            trigger: ".o_form_view .ribbon:contains(Held)",
        },
        {
            content: "Release it",
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_expo_release]",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "It is held again, for the applicant who waited",
            trigger:
                ".o_form_view .o_field_widget[name=expo_lead_id] input:value(Draw Newcomer next booth)",
        },
        {
            trigger: ".o_form_view .ribbon:contains(Held)",
        },
        {
            trigger:
                ".o_menu_sections button:contains(Exhibitions), .o_menu_sections a:contains(Exhibitions)",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains(Waiting List)",
            run: "click",
        },
        {
            content: "Nobody waits any more",
            trigger: ".o_view_nocontent, .o_list_renderer:not(:has(.o_data_row))",
        },
    ],
});
