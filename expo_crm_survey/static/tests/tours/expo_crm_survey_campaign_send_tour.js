import {registry} from "@web/core/registry";

/**
 * A marketing manager opens the surveys of an edition, creates the exhibitors'
 * campaign with the exhibitor survey and sends it.
 */
registry.category("web_tour.tours").add("expo_crm_survey_campaign_send_tour", {
    steps: () => [
        {
            content: "The edition's other smart buttons",
            trigger: ".o_form_view .o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "Open the edition's survey campaigns",
            trigger: ".o-dropdown--menu button[name=action_expo_view_survey_campaigns]",
            run: "click",
        },
        {
            content: "Create a campaign",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "The campaign asks the edition's participants",
            trigger:
                ".o_form_view .o_field_widget[name=event_id] input:value(Test Art Fair 2025)",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Exhibitors after Test Art Fair 2025",
        },
        {
            content: "Ask the exhibitors",
            trigger: ".o_field_widget[name=role_ids] input",
            run: "edit Exhibitor",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Exhibitor)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=role_ids] .o_tag:contains(Exhibitor)",
        },
        {
            content: "With the exhibitor survey",
            trigger: ".o_field_widget[name=survey_id] input",
            run: "edit Exhibitor Post-Show",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-menu .dropdown-item:contains(Exhibitor Post-Show Survey)",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=survey_id] input:value(Exhibitor Post-Show Survey)",
        },
        {
            content: "Send it now",
            trigger:
                ".o_form_view .o_form_statusbar button[name=action_send]:contains(Send Now)",
            run: "click",
        },
        {
            content: "The campaign is sent",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value=running]",
        },
        {
            content: "One exhibitor invited",
            trigger:
                ".o_form_view .oe_stat_button:contains(Invited) .o_stat_value:contains(/^\\s*1\\s*$/)",
        },
        {
            trigger: ".o_field_widget[name=user_input_ids] .o_data_row:contains(Li Na)",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
