# Copyright 2026 Expo CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Expo CRM",
    "summary": "Exhibition customers across editions: roles, participations, "
    "lifecycle, value and next-edition rebooking",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/expo-crm/expo-crm",
    "author": "Expo CRM contributors",
    "maintainers": ["expo-crm"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["crm", "sale_crm", "event_booth_sale", "phone_validation"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/expo_crm_security.xml",
        "security/ir.model.access.csv",
        "data/expo_role_data.xml",
        "data/ir_cron_data.xml",
        "views/expo_role_views.xml",
        "views/expo_series_views.xml",
        "views/expo_participation_views.xml",
        "views/event_event_views.xml",
        "views/expo_relationship_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/expo_crm_menus.xml",
    ],
    "demo": [
        "demo/expo_demo_partners.xml",
        "demo/expo_demo_series.xml",
        "demo/expo_demo_sales.xml",
    ],
}
