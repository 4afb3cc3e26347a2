import {registry} from "@web/core/registry";

/**
 * Back on the campaign, the marketing manager reads its NPS and the detractor's
 * answer, then the NPS report of the edition.
 */
registry.category("web_tour.tours").add("expo_crm_survey_results_tour", {
    steps: () => [
        {
            content: "One answer, one NPS answer",
            trigger:
                ".o_form_view .o_field_widget[name=answered_count]:contains(/^\\s*1\\s*$/)",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=nps_answer_count]:contains(/^\\s*1\\s*$/)",
        },
        {
            content: "The campaign's NPS: a single detractor",
            trigger: ".o_form_view .o_field_widget[name=nps]:contains(-100.0)",
        },
        {
            content: "The exhibitor answered as a detractor",
            trigger: [
                ".o_field_widget[name=user_input_ids] .o_data_row:contains(Li Na)",
                ":has(td[name=state]:contains(Completed))",
                ":has(td[name=expo_nps_score]:contains(/^\\s*3\\s*$/))",
                ":has(td[name=expo_nps_category]:contains(Detractor))",
            ].join(""),
        },
        {
            content: "Open the NPS report",
            trigger: 'button[data-menu-xmlid="crm.crm_menu_report"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="expo_crm_survey.expo_menu_survey_report"]',
            run: "click",
        },
        {
            content: "The edition's NPS in the report",
            trigger:
                ".o_pivot_view .o_pivot table tbody tr:has(th:contains(Test Art Fair 2025)) td:first:contains(-100.0)",
        },
    ],
});
