import { registry } from "@web/core/registry";

/**
 * A show manager opens last edition, runs the rebooking wizard for the next edition,
 * finds the rebooking opportunities with their priority on the edition, and runs the
 * wizard again without creating duplicates.
 */
registry.category("web_tour.tours").add("expo_crm_rebooking_tour", {
    url: "/odoo/action-expo_crm.expo_edition_action",
    steps: () => [
        {
            content: "Open the editions of the series",
            trigger: ".o_group_header:contains(Tour Biennale)",
            run: "click",
        },
        {
            content: "Open the previous edition",
            trigger: ".o_data_row td[name=name]:contains(Tour Biennale 2025)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=expo_next_event_id]:contains(Tour Biennale 2027)",
        },
        {
            trigger: ".o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "No rebooking opportunity yet",
            trigger:
                ".o_dropdown_more:has(.oe_stat_button):not(:has(button[name=action_expo_view_rebooking_leads]))",
        },
        {
            content: "Run the rebooking wizard",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Rebook Next Edition)",
            run: "click",
        },
        {
            content: "The wizard rebooks for the next edition",
            trigger: ".modal .o_field_widget[name=next_event_id]:contains(Tour Biennale 2027)",
        },
        {
            content: "The exhibitor and the sponsor are to rebook, not the visitor",
            trigger: ".modal .o_field_widget[name=candidate_count]:contains(2)",
        },
        {
            trigger: ".modal button[name=action_create_opportunities]",
            run: "click",
        },
        {
            trigger: ".o_notification:contains(2 opportunities created, 0 customers skipped)",
        },
        {
            content: "The new opportunities are listed",
            trigger: ".o_list_renderer .o_data_row:contains(Loyal Gallery - Tour Biennale 2027)",
        },
        {
            trigger: ".o_list_renderer .o_data_row:contains(Silk Sponsor - Tour Biennale 2027)",
        },
        {
            content: "Back to the edition",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour Biennale 2025)",
            run: "click",
        },
        {
            trigger: ".o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "The edition shows its rebooking opportunities",
            trigger: ".o_dropdown_more button[name=action_expo_view_rebooking_leads]:contains(2)",
            run: "click",
        },
        {
            content: "The loyal gallery comes first: very high priority",
            trigger:
                ".o_kanban_record:contains(Loyal Gallery - Tour Biennale 2027) .o_priority_star.fa-star[aria-label='Very High']",
        },
        {
            content: "The sponsor of one edition has a high priority",
            trigger:
                ".o_kanban_record:contains(Silk Sponsor - Tour Biennale 2027):has(.o_priority_star.fa-star[aria-label=High]):has(.o_priority_star.fa-star-o[aria-label='Very High'])",
        },
        {
            content: "Back to the edition",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour Biennale 2025)",
            run: "click",
        },
        {
            content: "Run the wizard again",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Rebook Next Edition)",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_create_opportunities]",
            run: "click",
        },
        {
            content: "Nothing new: both customers are already in the pipeline",
            trigger: ".o_notification:contains(0 opportunities created, 2 customers skipped)",
        },
        {
            trigger: ".o_view_nocontent, .o_list_renderer:not(:has(.o_data_row))",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour Biennale 2025)",
            run: "click",
        },
        {
            trigger: ".o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "Still two rebooking opportunities",
            trigger: ".o_dropdown_more button[name=action_expo_view_rebooking_leads]:contains(2)",
        },
    ],
});
