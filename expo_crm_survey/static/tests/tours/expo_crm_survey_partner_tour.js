import {registry} from "@web/core/registry";

/**
 * On the customer's form, the marketing manager finds the survey's feedback; the
 * customer's chatter only says that it answered (the detail and the call-back are
 * on the participation, for its company's users).
 */
registry.category("web_tour.tours").add("expo_crm_survey_partner_tour", {
    steps: () => [
        {
            content: "The customer's chatter says that it answered",
            trigger: ".o-mail-Chatter .o-mail-Message:contains(answered the survey)",
        },
        {
            content: "Open the Exhibitions tab",
            trigger: ".o_notebook .nav-link:contains(Exhibitions)",
            run: "click",
        },
        {
            content: "Its latest NPS and one feedback",
            trigger:
                ".o_field_widget[name=expo_last_nps_score]:contains(/^\\s*3\\s*$/)",
        },
        {
            trigger:
                ".o_field_widget[name=expo_feedback_count]:contains(/^\\s*1\\s*$/)",
        },
        {
            content: "The participation in the edition carries the NPS given",
            trigger:
                ".o_field_widget[name=expo_participation_ids] .o_data_row:contains(Test Art Fair 2025) td[name=nps_score]:contains(/^\\s*3\\s*$/)",
        },
        {
            content: "A detractor is no referral candidate",
            trigger:
                ".o_field_widget[name=expo_referral_candidate] input:not(:checked)",
        },
    ],
});
