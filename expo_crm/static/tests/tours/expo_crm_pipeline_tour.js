import {registry} from "@web/core/registry";

/**
 * A salesperson opens the exhibition pipeline and sees, on the card of a rebooking
 * opportunity, the edition, the requested space and the MAN and rebooking badges.
 */
registry.category("web_tour.tours").add("expo_crm_pipeline_tour", {
    url: "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
    steps: () => [
        {
            content: "The rebooking card shows the edition and the requested space",
            trigger:
                ".o_kanban_record:contains(Rebook Tour Gallery):contains(Tour Fair 2031):contains(24)",
        },
        {
            content: "It is MAN qualified and a rebooking",
            trigger:
                ".o_kanban_record:contains(Rebook Tour Gallery) .badge:contains(MAN) ~ .badge:contains(Rebooking)",
        },
        {
            content: "The CRM pipeline of every team opens too",
            trigger:
                ".o_menu_sections button:contains(Sales), .o_menu_sections a:contains(Sales)",
            run: "click",
        },
        {
            trigger: ".dropdown-menu .dropdown-item:contains(My Pipeline)",
            run: "click",
        },
        {
            trigger: ".o_kanban_renderer .o_kanban_record",
        },
    ],
});
