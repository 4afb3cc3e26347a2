# Copyright 2026 Expo CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Expo CRM Survey",
    "summary": "Satisfaction and NPS surveys tied to exhibition participations",
    "version": "18.0.1.1.0",
    "category": "Marketing/Surveys",
    "website": "https://github.com/expo-crm/expo-crm",
    "author": "Expo CRM contributors",
    "maintainers": ["expo-crm"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["expo_crm", "survey", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/expo_crm_survey_security.xml",
        "data/mail_template_data.xml",
        "data/survey_survey_data.xml",
        "data/res_company_data.xml",
        "data/ir_cron_data.xml",
        "views/survey_survey_views.xml",
        "views/survey_user_input_views.xml",
        "views/expo_survey_campaign_views.xml",
        "views/event_event_views.xml",
        "views/expo_participation_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "report/expo_survey_report_views.xml",
        "views/expo_crm_survey_menus.xml",
    ],
    "assets": {
        "web.assets_backend": ["expo_crm_survey/static/src/**/*"],
        "web.assets_tests": ["expo_crm_survey/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/expo_demo_survey_campaigns.xml",
    ],
}
