import {registry} from "@web/core/registry";

/**
 * A show manager opens last edition and runs the rebooking wizard for the next edition:
 * before the click it counts the opportunities it will create and the customers it will
 * skip; after it, it shows what it created and skipped, and opens the opportunities with
 * their priority. Run again, it says there is nothing to create.
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
            trigger:
                ".o_field_widget[name=expo_next_event_id]:contains(Tour Biennale 2027)",
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
            trigger:
                ".o_form_view .o_statusbar_buttons button:contains(Rebook Next Edition)",
            run: "click",
        },
        {
            content: "The wizard rebooks for the next edition",
            trigger:
                ".modal .o_field_widget[name=next_event_id]:contains(Tour Biennale 2027)",
        },
        {
            content: "Before the click: the exhibitor and the sponsor to create",
            trigger: ".modal .o_field_widget[name=create_count]:contains(2)",
        },
        {
            content: "and the visitor skipped: not a rebooked role",
            trigger: ".modal .o_field_widget[name=skip_role_count]:contains(1)",
        },
        {
            trigger: ".modal .o_field_widget[name=skip_open_count]:contains(0)",
        },
        {
            trigger: ".modal button[name=action_create_opportunities]",
            run: "click",
        },
        {
            content: "After the click, the result stays on the page",
            trigger:
                ".modal .alert-success:contains(opportunities created for):contains(Tour Biennale 2027)",
        },
        {
            content: "The created opportunities are listed",
            trigger:
                ".modal .o_field_widget[name=created_lead_ids] .o_data_row:contains(Loyal Gallery - Tour Biennale 2027)",
        },
        {
            trigger:
                ".modal .o_field_widget[name=created_lead_ids] .o_data_row:contains(Silk Sponsor - Tour Biennale 2027)",
        },
        {
            content: "The visitor is listed as skipped, with why",
            trigger: ".modal .o_notebook .nav-link:contains(Role Not Rebooked)",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name=skipped_role_ids] .o_data_row:contains(Tour Visitor)",
        },
        {
            content: "Open the created opportunities",
            trigger: ".modal button[name=action_view_opportunities]",
            run: "click",
        },
        {
            content: "The two of them, in the exhibition pipeline's list",
            trigger:
                ".o_list_renderer:has(.o_data_row:contains(Loyal Gallery - Tour Biennale 2027)):has(.o_data_row:contains(Silk Sponsor - Tour Biennale 2027))",
        },
        {
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The loyal gallery comes first: very high priority",
            trigger:
                ".o_kanban_record:contains(Loyal Gallery - Tour Biennale 2027) .o_priority_star.fa-star[aria-label='Very High']",
        },
        {
            content: "The sponsor, second of two ranked customers, a lower one",
            trigger:
                ".o_kanban_record:contains(Silk Sponsor - Tour Biennale 2027):has(.o_priority_star.fa-star-o[aria-label=High])",
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
            trigger:
                ".o_dropdown_more button[name=action_expo_view_rebooking_leads]:contains(2)",
        },
        {
            content: "Run the wizard again",
            trigger:
                ".o_form_view .o_statusbar_buttons button:contains(Rebook Next Edition)",
            run: "click",
        },
        {
            content: "Nothing to create: both customers are already in the pipeline",
            trigger: ".modal .o_field_widget[name=skip_open_count]:contains(2)",
        },
        {
            trigger:
                ".modal:has(.alert-info:contains(Nothing to create)):not(:has(button[name=action_create_opportunities]))",
        },
        {
            trigger: ".modal .modal-footer button:contains(Cancel)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
