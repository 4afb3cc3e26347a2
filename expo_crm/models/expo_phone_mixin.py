# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ExpoPhoneMixin(models.AbstractModel):
    """Phone numbers normalized to the international format on create, write and
    import; a number that cannot be parsed is kept as typed. For partners: they
    have the phone fields (``_phone_get_number_fields``), a country and a parent
    whose country a contact's number falls back on."""

    _name = "expo.phone.mixin"
    _description = "Exhibition Phone Numbers"

    def _expo_format_phone(self, number, country=None):
        """International format of a number, False when it cannot be parsed."""
        if country is None:
            country = self.country_id if len(self) == 1 else self.env["res.country"]
        return self.env["res.partner"]._phone_format(
            number=number,
            country=country or self.env.company.country_id,
            force_format="INTERNATIONAL",
        )

    def _expo_normalized_phone_values(self, vals, country):
        """``vals`` with its phone numbers formatted; invalid ones kept as typed."""
        normalized = dict(vals)
        for fname in self._phone_get_number_fields():
            if normalized.get(fname):
                formatted = self._expo_format_phone(normalized[fname], country)
                normalized[fname] = formatted or normalized[fname]
        return normalized

    @api.model
    def _expo_normalize_phone_vals_list(self, vals_list):
        """Creation values with their phone numbers formatted for the country
        given (or the parent's); invalid numbers are kept as typed."""
        Country = self.env["res.country"]
        parents = self.browse(
            [vals["parent_id"] for vals in vals_list if vals.get("parent_id")]
        )
        parent_country = {parent.id: parent.country_id for parent in parents}
        return [
            self._expo_normalized_phone_values(
                vals,
                Country.browse(vals.get("country_id"))
                or parent_country.get(vals.get("parent_id"), Country),
            )
            if any(vals.get(fname) for fname in self._phone_get_number_fields())
            else vals
            for vals in vals_list
        ]

    def _expo_normalize_phones(self):
        """Format the stored phone numbers of these partners in place."""
        for partner in self.with_context(expo_phone_normalized=True):
            values = {}
            for fname in partner._phone_get_number_fields():
                formatted = partner[fname] and partner._expo_format_phone(
                    partner[fname]
                )
                if formatted and formatted != partner[fname]:
                    values[fname] = formatted
            if values:
                partner.write(values)

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._expo_normalize_phone_vals_list(vals_list))

    def write(self, vals):
        result = super().write(vals)
        if not self.env.context.get("expo_phone_normalized") and (
            "country_id" in vals
            or any(vals.get(fname) for fname in self._phone_get_number_fields())
        ):
            self._expo_normalize_phones()
        return result
