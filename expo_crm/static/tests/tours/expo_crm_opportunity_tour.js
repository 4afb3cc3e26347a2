import {registry} from "@web/core/registry";

/**
 * An exhibition salesperson creates an opportunity for a gallery and an edition in the
 * exhibition pipeline (its own stages only), qualifies it (money, authority, need),
 * moves it to the MAN qualified stage, wins it (it lands in Booked, the team's won
 * stage) and opens the participation it booked.
 */
registry.category("web_tour.tours").add("expo_crm_opportunity_tour", {
    url: "/odoo/action-expo_crm.expo_crm_lead_action_exhibition",
    steps: () => [
        {
            content: "The exhibition pipeline opens on its own stages",
            trigger:
                ".o_kanban_renderer .o_kanban_group:contains(Prospect) ~ .o_kanban_group:contains(Booked)",
        },
        {
            content: "Odoo's stages shared by the other teams are not there",
            trigger:
                ".o_kanban_renderer:not(:has(.o_column_title:contains(Proposition))):not(:has(.o_column_title:contains(New)))",
        },
        {
            content: "Switch to the list to create a full opportunity",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name the opportunity",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: "edit Tour Gallery 2031 booth",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Gallery",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Gallery)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Gallery)",
        },
        {
            content: "Open the exhibition tab",
            trigger: ".o_notebook .nav-link[name=expo_crm]",
            run: "click",
        },
        {
            content: "Choose the edition sold",
            trigger: ".o_field_widget[name=expo_event_id] input",
            run: "edit Tour Fair 2031",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Tour Fair 2031)",
            run: "click",
        },
        {
            content: "The series' pitch shows with the edition",
            trigger:
                ".o_field_widget[name=expo_fabe_feature]:contains(collectors of Asia)",
        },
        {
            content: "Choose the role",
            trigger: ".o_field_widget[name=expo_role_id] input",
            run: "edit Exhibitor",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Exhibitor)",
            run: "click",
        },
        {
            content: "Enter the requested space",
            trigger: ".o_field_widget[name=expo_space_requested] input",
            run: "edit 36",
        },
        {
            content: "Not qualified before the answers",
            trigger: ".o_field_widget[name=expo_man_qualified] input:not(:checked)",
        },
        {
            content: "Money: yes",
            trigger: ".o_field_widget[name=expo_man_money] input[data-value=yes]",
            run: "click",
        },
        {
            content: "Authority: yes",
            trigger: ".o_field_widget[name=expo_man_authority] input[data-value=yes]",
            run: "click",
        },
        {
            content: "Still not qualified with two answers out of three",
            trigger: ".o_field_widget[name=expo_man_qualified] input:not(:checked)",
        },
        {
            content: "Need: yes",
            trigger: ".o_field_widget[name=expo_man_need] input[data-value=yes]",
            run: "click",
        },
        {
            content: "The opportunity is MAN qualified",
            trigger: ".o_field_widget[name=expo_man_qualified] input:checked",
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
            content: "Move it to the MAN qualified stage",
            trigger:
                '.o_statusbar_status button[role=radio]:contains("Qualified (MAN)")',
            run: "click",
        },
        {
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Qualified (MAN)")',
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the pipeline",
            trigger:
                ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The card shows the edition, the space and the MAN badge",
            trigger:
                ".o_kanban_group:contains(Tour Fair 2031) .o_kanban_record:contains(Tour Gallery 2031 booth):contains(36) .badge:contains(MAN)",
            run: "click",
        },
        {
            content: "Mark it won",
            trigger: ".o_form_view button[name=action_set_won_rainbowman]",
            run: "click",
        },
        {
            trigger: ".o_form_view .ribbon:contains(Won)",
        },
        {
            content: "Won in the exhibition team: the opportunity is Booked",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Booked")',
        },
        {
            content: "Its status bar offers the team's stages only",
            trigger: ".o_statusbar_status:not(:has(button:contains(Proposition)))",
        },
        {
            content: "Winning booked the participation: open it",
            trigger:
                ".o-form-buttonbox button[name=action_expo_view_participation]:contains(Confirmed)",
            run: "click",
        },
        {
            content: "The gallery is a confirmed exhibitor of the edition",
            trigger:
                ".o_form_view:has(.o_field_widget[name=partner_id] input:value(Tour Gallery)) .o_statusbar_status button.o_arrow_button_current[data-value=confirmed]",
        },
        {
            trigger: ".o_field_widget[name=event_id] input:value(Tour Fair 2031)",
        },
        {
            trigger: ".o_field_widget[name=role_id] input:value(Exhibitor)",
        },
        {
            trigger: ".o_field_widget[name=space_sqm] input:value(36)",
        },
        {
            trigger:
                ".o_field_widget[name=lead_id] input:value(Tour Gallery 2031 booth)",
        },
    ],
});
